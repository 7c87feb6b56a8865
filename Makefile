# Open budgets portal: build, run, check, bench.  Plain make, C11, pkg-config.
BUILD   ?= build
PORT    ?= 8080
CC      ?= gcc
PKGS     = libxml-2.0 libxslt libexslt sqlite3 xmlsec1-openssl openssl libcurl json-c
ROOT    := $(CURDIR)

CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_DEFAULT_SOURCE -D_GNU_SOURCE -Wall -Wextra -Werror \
           -Wshadow -Wstrict-prototypes -Wformat=2 -Icore \
           -DOB_SHARE_DIR='"$(ROOT)"' $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lpthread -lm

ifeq ($(SAN),1)
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

CORE_SRC  := $(wildcard core/*.c)
CORE_OBJ  := $(CORE_SRC:%.c=$(BUILD)/%.o)
CTL_OBJ   := $(patsubst %.c,$(BUILD)/%.o,$(wildcard ctl/*.c))
GEN_OBJ   := $(patsubst %.c,$(BUILD)/%.o,$(wildcard generator/*.c))
CGI_OBJ   := $(patsubst %.c,$(BUILD)/%.o,$(wildcard cgi/*.c))
TEST_SRC  := $(wildcard tests/unit/test_*.c)
TEST_BIN  := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB       := $(BUILD)/libobcore.a
BINS      := $(BUILD)/obctl $(if $(GEN_OBJ),$(BUILD)/obgen) $(if $(CGI_OBJ),$(BUILD)/obfcgi)

.PHONY: all deps run stop check unit unit-asan e2e demo-site bench bench-api clean i18n
all: $(BINS) i18n

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo '  CC  $<'
	@$(CC) $(CFLAGS) -MMD -c -o $@ $<

$(LIB): $(CORE_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/obctl: $(CTL_OBJ) $(LIB)
	@echo '  LD  $@'
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(BUILD)/obgen: $(GEN_OBJ) $(LIB)
	@echo '  LD  $@'
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)
$(BUILD)/obfcgi: $(CGI_OBJ) $(LIB)
	@echo '  LD  $@'
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) -lfcgi -lseccomp

# Unit tests link the library and obctl's commands (not its main).
CTL_LIB   := $(BUILD)/libobctl.a
$(CTL_LIB): $(filter-out $(BUILD)/ctl/main.o,$(CTL_OBJ))
	@ar rcs $@ $^
$(BUILD)/tests/%: tests/unit/%.c $(CTL_LIB) $(LIB)
	@mkdir -p $(dir $@)
	@echo '  LD  $@'
	@$(CC) $(CFLAGS) -Ictl $(LDFLAGS) -MMD -o $@ $< $(CTL_LIB) $(LIB) $(LDLIBS) -lcmocka

# A missing UI string in either language fails the build.
i18n:
	@scripts/check-i18n templates/i18n/kk.xml templates/i18n/ru.xml cgi/errors.c

deps:
	@scripts/install-deps

unit: $(TEST_BIN)
	@scripts/run-unit $(TEST_BIN)

unit-asan:
	$(MAKE) BUILD=build/asan SAN=1 unit

e2e: all
	@scripts/run-e2e

check: deps
	$(MAKE) all
	$(MAKE) unit
	$(MAKE) unit-asan
	$(MAKE) e2e

demo-site: all
	@scripts/demo-site $(BUILD)

run: deps
	$(MAKE) all
	@scripts/run $(BUILD) $(PORT)

stop:
	@scripts/stop $(BUILD)

bench: all
	@scripts/bench $(BUILD)

bench-api: all
	@scripts/bench-api $(BUILD)

clean:
	rm -rf build

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
