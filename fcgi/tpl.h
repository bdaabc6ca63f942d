/* tpl.h: the C face of ctemplate. Templates live in one folder and are cached
 * after their first use; every template declares its auto-escape context, so
 * values set here are escaped by the library, never by callers. */
#ifndef RCHUB_TPL_H
#define RCHUB_TPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tpl_dict tpl_dict;

/* Sets the template folder. Returns 0, or -1 when it does not exist. */
int tpl_init(const char *root_dir);
/* Re-reads templates that changed on disk (SIGHUP). */
void tpl_reload(void);

tpl_dict *tpl_dict_new(void);
void tpl_dict_free(tpl_dict *d);

/* Keys and section names must be string literals: they are not copied, and
 * each is hashed once and then known by its address; values are copied. */
void tpl_set(tpl_dict *d, const char *key, const char *value);
void tpl_set_len(tpl_dict *d, const char *key, const char *value, size_t len);
void tpl_set_int(tpl_dict *d, const char *key, long long value);
/* Adds one repetition of a section and returns its dictionary. */
tpl_dict *tpl_section(tpl_dict *d, const char *section);
/* Shows a section once, using the parent's values. */
void tpl_show(tpl_dict *d, const char *section);
/* Fills an {{>NAME}} include with the given template file. */
tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *filename);

/* Expands filename with d. On success *out points to the text, valid until
 * the next tpl_render call, and 0 is returned; -1 on a template error. */
int tpl_render(const char *filename, tpl_dict *d, const char **out, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
