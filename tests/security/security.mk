# tests/security/security.mk: hostile-input checks (included by the Makefile).
#   make security-scan     sqlmap against every GET and POST parameter of a
#                          private stack (SCAN_PORT, SCAN_VAR); not part of make test
# The 1,000 malformed requests (tests/security/suite.sh) run in `make test`.
SCAN_PORT ?= 18880
SCAN_VAR  ?= var/security

.PHONY: security-scan
security-scan: deps build
	@tests/security/scan.sh $(SCAN_PORT) $(SCAN_VAR) $(BUILD)
