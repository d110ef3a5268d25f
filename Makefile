# The two commands a newcomer needs: `make run` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcurl4-openssl-dev libxml2-dev libsqlite3-dev zlib1g-dev pkg-config poppler-utils chromium python3-jsonschema
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
BIN := .build/release/sovereignty

.PHONY: run demo test build deps crawl clean accuracy accuracy-gaps accuracy-real bench bench-scale check-site

## Install the system libraries the C bridges link against, when missing.
deps:
	@if ! pkg-config --exists libcurl libxml-2.0 sqlite3 zlib 2>/dev/null || ! command -v pdftotext >/dev/null || ! command -v chromium >/dev/null || ! python3 -c 'import jsonschema' 2>/dev/null; then \
		echo "Installing $(APT_PACKAGES)"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build -c release --product sovereignty

## The main job: crawl Inputs/platforms.yml and write the site into Output/site.
## BASE_URL=https://…/ adds canonical links, absolute feed links and sitemap.xml; CONTACT=https://… (or mailto:) is where
## readers send corrections (about page, User-Agent); SOURCE_URL=https://…/blob/main/ links the repository paths the site names.
## Exit code 1 (some documents failed) and 3 (none could be fetched, e.g. offline) still leave a site to read;
## 4 (fatal: disk full, damaged archive index…) does not, and `make run` fails with it.
run: build
	@$(BIN) crawl --platforms Inputs/platforms.yml --providers Inputs/providers.yml --templates Templates --output Output $(if $(BASE_URL),--base-url $(BASE_URL)) $(if $(CONTACT),--contact $(CONTACT)) $(if $(SOURCE_URL),--source-url $(SOURCE_URL)); \
	code=$$?; \
	case $$code in \
		0) echo "All documents fetched. Open Output/site/index.html." ;; \
		1) echo "Some documents could not be fetched (see Output/site); the site was written." ;; \
		3) echo "No document could be fetched (offline?); see Output/site for each document's reason." ;; \
		4) echo "The run stopped on a fatal error (see above): no new site was written; do not publish." >&2; exit 4 ;; \
		*) exit $$code ;; \
	esac

## The site without internet: the project's own sample pages served on 127.0.0.1 (python3's http.server), crawled
## twice with one page changed in between, into Output/demo/site. Nothing but 127.0.0.1 is contacted.
DEMO_PORT ?= 8765
DEMO := Output/demo
FIXTURE_PAGES := Tests/TestSupport/Fixtures/pages
demo: build
	@rm -rf $(DEMO) && mkdir -p $(DEMO)/www/pages
	@cp $(FIXTURE_PAGES)/level-a-plus.html $(FIXTURE_PAGES)/level-b.html $(FIXTURE_PAGES)/level-c.html $(FIXTURE_PAGES)/level-d.html \
		$(FIXTURE_PAGES)/privacy-aws.html $(FIXTURE_PAGES)/level-e.html $(FIXTURE_PAGES)/cabinet-numerique.pdf $(DEMO)/www/pages/
	@cp $(FIXTURE_PAGES)/level-b.html $(DEMO)/www/pages/changing.html
	@sed 's|@BASE@|http://127.0.0.1:$(DEMO_PORT)|' Inputs/demo/platforms.yml > $(DEMO)/platforms.yml
	@python3 -m http.server $(DEMO_PORT) --bind 127.0.0.1 --directory $(DEMO)/www >$(DEMO)/server.log 2>&1 & server=$$!; \
	trap 'kill $$server 2>/dev/null' EXIT; \
	for attempt in $$(seq 50); do python3 -c 'import socket; socket.create_connection(("127.0.0.1", $(DEMO_PORT)), 1).close()' 2>/dev/null && break; \
		[ $$attempt -lt 50 ] || { echo "the demo server did not start on 127.0.0.1:$(DEMO_PORT) (DEMO_PORT=… picks another port)"; exit 2; }; sleep 0.1; done; \
	crawl() { $(BIN) crawl --platforms $(DEMO)/platforms.yml --providers $(FIXTURE_PAGES)/../providers.yml \
		--registries $(FIXTURE_PAGES)/../registries --corrections Inputs/demo/corrections.yml --templates Templates --output $(DEMO) \
		--per-host-delay 0 --confirm-runs 1 $(if $(CONTACT),--contact $(CONTACT)) $(if $(SOURCE_URL),--source-url $(SOURCE_URL)); \
		code=$$?; [ $$code -le 1 ] || exit $$code; }; \
	echo "Demo, first crawl of the sample pages on 127.0.0.1:$(DEMO_PORT)"; crawl || exit $$?; \
	sleep 1; cp $(FIXTURE_PAGES)/level-d.html $(DEMO)/www/pages/changing.html; \
	echo "Demo, second crawl: one page changed its host"; crawl || exit $$?; \
	echo "Open $(DEMO)/site/index.html"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Precision and recall of the extractor and the rubric on the labelled set (Tests/Accuracy/Fixtures).
accuracy: build
	$(BIN) accuracy Tests/Accuracy/Fixtures --providers Inputs/providers.yml --registries Inputs/registries

## Labelled pages the extractor still misreads: their misses, for whoever takes them on (exits 1 while any remain).
accuracy-gaps: build
	$(BIN) accuracy Tests/Accuracy/Gaps --providers Inputs/providers.yml --registries Inputs/registries

## The same on real legal pages kept outside the repository (../shared/corpus-real), labelled in Tests/Accuracy/Real:
## per set (health, france), every field, the platforms' levels, the quotes not found in their page, every miss.
accuracy-real: build
	$(BIN) accuracy-real --corpus ../shared/corpus-real --labels Tests/Accuracy/Real --providers Inputs/providers.yml --registries Inputs/registries

## Extraction throughput against libxml2's raw parse and memory (one core); the crawler on 1 000 loopback documents;
## then regenerating the site of 1 000 platforms with 10 runs of history.
bench: deps
	$(SWIFT) build -c release --product sovereignty-bench
	$(SWIFT) build -c release --product sovereignty-crawl-bench
	$(SWIFT) build -c release --product sovereignty-render-bench
	.build/release/sovereignty-bench
	.build/release/sovereignty-crawl-bench
	.build/release/sovereignty-render-bench Templates

## The release crawl at scale on a generated loopback site (DOCUMENTS=10000 by default): cold at a tenth and at the
## full size, a rerun with nothing changed and one with 1% of pages changed; time, memory, bytes and site size of each.
bench-scale: deps
	$(SWIFT) build -c release --product sovereignty
	$(SWIFT) build -c release --product sovereignty-scale-bench
	.build/release/sovereignty-scale-bench --documents $(or $(DOCUMENTS),10000) --small $(or $(SMALL),1000) $(BENCH_FLAGS)

## The site as readers see it: libxml2 link check of every page, feeds and badges as XML, data files against their
## schema, WCAG contrast, and headless Chromium at desktop and phone widths (screenshots in .build/site-check/).
check-site: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter 'SiteTests|BrowserSiteTests|ContrastTests'
	@echo "Screenshots: .build/site-check/"

clean:
	rm -rf .build Output/site
