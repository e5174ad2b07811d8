# Heerlens Heitje. `make help` lists the targets.

GO      ?= go
# The Go release the project builds with (go.mod asks for it): the go command fetches it from the module proxy
# once (about 10 s) when the machine's own Go is older. A machine's go env may say GOTOOLCHAIN=local and a
# toolchain line in go.mod is then ignored, so every build goes through this export.
export GOTOOLCHAIN ?= go1.26.10
HEITJE  := bin/heitje
# The development commands (the local platform, the test harness), apart so that bin/heitje links no test code.
HEITJE_DEV := bin/heitje-dev
# Packages for `make test`; override to run a part, e.g. make test PKG=./chain/... RUN=TestSender BENCH=
PKG     ?= ./...
# Tests to run (a go test -run pattern; empty: all).
RUN     ?=
# Benchmarks that `make test` then runs once each at a brief size (-short), so that none rots; BENCH= runs none.
BENCH   ?= .
# gotestsum prints a line per package and, at the end, every skipped and failed test with its reason.
GOTESTSUM := $(GO) run gotest.tools/gotestsum@v1.13.0 --format pkgname --format-hide-empty-pkg
# govulncheck and the golang.org/x/vulndb module whose advisories it checks against: tools/vulndb.sh builds the
# database from that module once per version into bin/vulndb/ (vuln.go.dev need not be reachable).
GOVULNCHECK := $(GO) run golang.org/x/vuln/cmd/govulncheck@v1.9.0
VULNDB_VERSION ?= v0.0.0-20261105234957-e22db6528018
VULNDB  := bin/vulndb/$(VULNDB_VERSION)

.PHONY: help run test generate lint vulncheck bench build geth clean screenshots

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## Build the heitje command, the heitje-dev development commands and the heitje-wallet CLI into bin/
	$(GO) build -buildvcs=auto -o $(HEITJE) ./cmd/heitje
	$(GO) build -buildvcs=auto -o $(HEITJE_DEV) ./cmd/heitje-dev
	$(GO) build -buildvcs=auto -o bin/heitje-wallet ./cmd/heitje-wallet

run: build ## Run the platform locally: Postgres, a Clique node with the coin, the API on http://127.0.0.1:8080
	$(HEITJE_DEV) run

test: build ## Run every test, then every benchmark once at a brief size, against a throw-away Postgres and Clique node
	$(HEITJE_DEV) test -- $(GOTESTSUM) -- -count=1 -timeout 30m -run '$(RUN)' $(PKG)
ifneq ($(BENCH),)
	$(HEITJE_DEV) test -- $(GO) test -count=1 -timeout 10m -short -bench '$(BENCH)' -benchtime 1x $(PKG) -run '^$$'
endif

bench: build ## Run the benchmarks against a throw-away Postgres and Clique node (figures: docs/benchmarks.md); BENCH= picks some
	$(HEITJE_DEV) test -- $(GO) test -count=1 -run '^$$' -bench '$(BENCH)' -benchtime 1x -timeout 30m $(PKG)

screenshots: build ## Refresh the screenshots of the resident app, the till and the console in docs/screenshots (the browser tests)
	mkdir -p docs/screenshots
	$(HEITJE_DEV) test -- env HEITJE_SCREENSHOTS=$(CURDIR)/docs/screenshots $(GO) test -count=1 -run '^(TestResidentApp|TestTill|TestConsole|TestDocsPageInABrowser)' ./e2e/ ./web/

generate: ## Regenerate the contract's ABI, bytecode and Go bindings, the web apps' built files and api/openapi.json
	bash contracts/generate.sh
	cd web && $(GO) run icons_gen.go
	bash web/frontend/build.sh
	$(GO) test ./api -run '^TestOpenAPIDocument$$' -count=1 -update

lint: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

vulncheck: ## Report known vulnerabilities that the code can reach (govulncheck; PKG=./... by default; the first run takes minutes)
	GO="$(GO)" bash tools/vulndb.sh $(VULNDB_VERSION) $(VULNDB)
	$(GOVULNCHECK) -db file://$(CURDIR)/$(VULNDB) $(PKG)

geth: ## Build the pinned geth v1.13.15 into bin/ (make run and make test do this when needed)
	cd chain/node/gethbuild && $(GO) build -ldflags=-checklinkname=0 -o ../../../bin/geth github.com/ethereum/go-ethereum/cmd/geth

clean: ## Remove build outputs (keeps .run/, the local platform's data)
	rm -rf bin/heitje bin/heitje-dev bin/heitje-wallet
