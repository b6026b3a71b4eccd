# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# aiobotocore pins an older botocore than the main environment: its tests get their own.
AIO_VENV := .venv-aio
AIO_STAMP := $(AIO_VENV)/.installed

.PHONY: demo test lint typecheck unit aio bench docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(AIO_STAMP): pyproject.toml
	$(PYTHON) -m venv $(AIO_VENV)
	$(AIO_VENV)/bin/pip install --quiet --upgrade pip
	$(AIO_VENV)/bin/pip install --quiet -e ".[aio]"
	touch $(AIO_STAMP)

demo: $(STAMP)
	$(BIN)/python examples/demo.py

lint: $(STAMP)
	$(BIN)/ruff check ivsmock tests benchmarks examples
	$(BIN)/ruff format --check ivsmock tests benchmarks examples

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q --ignore=tests/aio

aio: $(AIO_STAMP)
	$(AIO_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/aio

test: lint typecheck aio unit

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

docs: $(STAMP)
	$(BIN)/python -m ivsmock.docs

clean:
	rm -rf $(VENV) $(AIO_VENV) .pytest_cache .mypy_cache .ruff_cache
