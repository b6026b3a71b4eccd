// The AWS SDK for JavaScript v3 against an ivsmock server, one service after another:
// create three resources, get one, list them two per page with the SDK's paginator, tag one
// (the shared /tags/{arn} path), and get one that does not exist.
// Usage: node roundtrip.mjs <endpoint-url>. Prints one JSON document that
// tests/server/test_js_sdk.py checks; exits 1 (with the error) if an SDK call fails unexpectedly.
import {
  CreateRecordingConfigurationCommand,
  GetRecordingConfigurationCommand,
  IvsClient,
  ListTagsForResourceCommand as IvsListTags,
  TagResourceCommand as IvsTag,
  paginateListRecordingConfigurations,
} from "@aws-sdk/client-ivs";
import {
  CreateIngestConfigurationCommand,
  GetIngestConfigurationCommand,
  IVSRealTimeClient,
  ListTagsForResourceCommand as RealTimeListTags,
  TagResourceCommand as RealTimeTag,
  paginateListIngestConfigurations,
} from "@aws-sdk/client-ivs-realtime";
import {
  CreateRoomCommand,
  GetRoomCommand,
  IvschatClient,
  ListTagsForResourceCommand as ChatListTags,
  TagResourceCommand as ChatTag,
  paginateListRooms,
} from "@aws-sdk/client-ivschat";

const endpoint = process.argv[2];
const config = {
  endpoint,
  region: "us-east-1",
  // A 12-digit access key id is the account ivsmock files the resources under.
  credentials: { accessKeyId: "111122223333", secretAccessKey: "ivsmock-fake-secret" },
  maxAttempts: 1,
};

const services = [
  {
    name: "ivs",
    client: new IvsClient(config),
    create: (i) =>
      new CreateRecordingConfigurationCommand({
        name: `js-${i}`,
        destinationConfiguration: { s3: { bucketName: "js-sdk-bucket" } },
      }),
    arnOf: (out) => out.recordingConfiguration.arn,
    get: (arn) => new GetRecordingConfigurationCommand({ arn }),
    arnOfGet: (out) => out.recordingConfiguration.arn,
    paginate: (client) => paginateListRecordingConfigurations({ client, pageSize: 2 }, {}),
    listed: (page) => page.recordingConfigurations.map((item) => item.arn),
    tag: IvsTag,
    listTags: IvsListTags,
    missing: "arn:aws:ivs:us-east-1:111122223333:recording-configuration/AbCdEfGh1234",
  },
  {
    name: "ivs-realtime",
    client: new IVSRealTimeClient(config),
    create: (i) => new CreateIngestConfigurationCommand({ name: `js-${i}`, ingestProtocol: "RTMPS" }),
    arnOf: (out) => out.ingestConfiguration.arn,
    get: (arn) => new GetIngestConfigurationCommand({ arn }),
    arnOfGet: (out) => out.ingestConfiguration.arn,
    paginate: (client) => paginateListIngestConfigurations({ client, pageSize: 2 }, {}),
    listed: (page) => page.ingestConfigurations.map((item) => item.arn),
    tag: RealTimeTag,
    listTags: RealTimeListTags,
    missing: "arn:aws:ivs:us-east-1:111122223333:ingest-configuration/AbCdEfGh1234",
  },
  {
    name: "ivschat",
    client: new IvschatClient(config),
    create: (i) => new CreateRoomCommand({ name: `js-${i}` }),
    arnOf: (out) => out.arn,
    get: (arn) => new GetRoomCommand({ identifier: arn }),
    arnOfGet: (out) => out.arn,
    paginate: (client) => paginateListRooms({ client, pageSize: 2 }, {}),
    listed: (page) => page.rooms.map((item) => item.arn),
    tag: ChatTag,
    listTags: ChatListTags,
    missing: "arn:aws:ivschat:us-east-1:111122223333:room/AbCdEfGh1234",
  },
];

async function roundtrip(service) {
  const { client } = service;
  const created = [];
  for (let i = 0; i < 3; i += 1) {
    created.push(service.arnOf(await client.send(service.create(i))));
  }
  const got = service.arnOfGet(await client.send(service.get(created[0])));
  const pages = [];
  for await (const page of service.paginate(client)) {
    pages.push(service.listed(page));
  }
  await client.send(new service.tag({ resourceArn: created[1], tags: { sdk: "js" } }));
  const tags = (await client.send(new service.listTags({ resourceArn: created[1] }))).tags;
  let error = null;
  try {
    await client.send(service.get(service.missing));
  } catch (caught) {
    error = {
      name: caught.name,
      status: caught.$metadata?.httpStatusCode,
      message: caught.message,
    };
  }
  return { created, got, pages, tags, error };
}

const results = {};
try {
  for (const service of services) {
    results[service.name] = await roundtrip(service);
  }
} catch (caught) {
  console.error(`${caught.name}: ${caught.message}`);
  process.exit(1);
}
console.log(JSON.stringify(results));
