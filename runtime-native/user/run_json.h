/* run_json.h: --format=json's records (docs/json-output.md): JSON strings escaped per RFC 8259. */
#ifndef STAPVM_RUN_JSON_H
#define STAPVM_RUN_JSON_H
#include <stddef.h>

/* {"type":"print","data":"TEXT"} and a newline, TEXT one line of output without its newline
 * (malloc'd; NULL when out of memory). Bytes that are not UTF-8 are written as \u00XX of the byte. */
char *run_json_print_record(const char *text, size_t len);
/* TEXT as a JSON string, quotes included, escaped as above (malloc'd; NULL when out of memory) */
char *run_json_string(const char *text, size_t len);
#endif
