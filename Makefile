# Heerlens Heitje. `make help` lists the targets.

GO      ?= go
HEITJE  := bin/heitje
# Packages for `make test`; override to run a part, e.g. make test PKG=./chain/...
PKG     ?= ./...

.PHONY: help run test generate lint bench build geth clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## Build the heitje command and the heitje-wallet CLI into bin/
	$(GO) build -o $(HEITJE) ./cmd/heitje
	$(GO) build -o bin/heitje-wallet ./cmd/heitje-wallet

run: build ## Run the platform locally: Postgres, a Clique node with the coin, the API on http://127.0.0.1:8080
	$(HEITJE) dev run

test: build ## Run every test against a throw-away Postgres and Clique node that it starts and stops itself
	$(HEITJE) dev test -- $(GO) test -count=1 -timeout 20m $(PKG)

bench: build ## Run the benchmarks against a throw-away Postgres and Clique node (figures: docs/benchmarks.md)
	$(HEITJE) dev test -- $(GO) test -count=1 -run '^$$' -bench . -benchtime 1x -timeout 30m $(PKG)

generate: ## Regenerate the contract's ABI, bytecode and Go bindings and api/openapi.json
	bash contracts/generate.sh
	$(GO) test ./api -run '^TestOpenAPIDocument$$' -count=1 -update

lint: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

geth: ## Build the pinned geth v1.13.15 into bin/ (make run and make test do this when needed)
	cd chain/node/gethbuild && $(GO) build -ldflags=-checklinkname=0 -o ../../../bin/geth github.com/ethereum/go-ethereum/cmd/geth

clean: ## Remove build outputs (keeps .run/, the local platform's data)
	rm -rf bin/heitje bin/heitje-wallet
