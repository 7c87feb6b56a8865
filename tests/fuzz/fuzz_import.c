/* libFuzzer harness for the document parser and business checks: whatever
 * the bytes, no crash, no leak, no undefined behaviour.
 *   clang -g -fsanitize=fuzzer,address,undefined -Icore -DOB_SHARE_DIR='"'$PWD'"' \
 *     $(pkg-config --cflags --libs libxml-2.0 sqlite3 openssl) tests/fuzz/fuzz_import.c \
 *     core/{err,text,xmlin,doc,doc_check,db,clock,date}.c -o fuzz_import
 *   ./fuzz_import tests/fixtures/import/ */
#include <stddef.h>
#include <stdint.h>
#include <libxml/parser.h>

#include "doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ob_err err = { 0 };
	struct doc d;
	xmlDocPtr x = NULL;

	if (doc_load((const char *)data, size, &d, &x, &err) == 0)
		xmlFreeDoc(x);
	doc_free(&d);
	return 0;
}
