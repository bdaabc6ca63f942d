// tpl.cc: the only C++ file: an extern "C" shim over Google ctemplate.
// A tpl_dict* is a ctemplate::TemplateDictionary*; no C++ exception may cross
// into C, so every entry point catches everything and reports failure.
#include "tpl.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
#include <ctemplate/template_modifiers.h>
#include <string.h>
#include <sys/stat.h>

#include <string>
#include <unordered_map>

using ctemplate::TemplateDictionary;

static TemplateDictionary *D(tpl_dict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static tpl_dict *C(TemplateDictionary *d)
{
	return reinterpret_cast<tpl_dict *>(d);
}

// The last rendered page; reused so steady rendering does not allocate.
static std::string rendered;

// Keys and section names are string literals (tpl.h): each is hashed and
// registered with ctemplate once, by its address, instead of on every use.
static std::unordered_map<const char *, ctemplate::StaticTemplateString> names;

// The ctemplate name of key, with its id already computed.
static ctemplate::TemplateString name_of(const char *key)
{
	auto it = names.find(key);
	if (it == names.end()) {
		ctemplate::StaticTemplateString sts = { { key, strlen(key), ctemplate::kIllegalTemplateId } };
		it = names.emplace(key, sts).first;
		ctemplate::StaticTemplateStringInitializer init(&it->second);
	}
	return ctemplate::TemplateString(it->second);
}

// {{PHONE:x-tel}}: a phone number as written ("+7 (4212) 41-09-52, доб. 116")
// made a tel: URI number (RFC 3966: "+74212410952"): a leading plus and the
// digits before the first character that is not a digit or a separator.
class TelModifier : public ctemplate::TemplateModifier {
	void Modify(const char *in, size_t inlen, const ctemplate::PerExpandData *, ctemplate::ExpandEmitter *out,
	            const std::string &) const override
	{
		bool any = false;
		for (size_t i = 0; i < inlen; i++) {
			char c = in[i];
			if (c >= '0' && c <= '9') {
				out->Emit(c);
				any = true;
			} else if (c == '+' && !any) {
				out->Emit(c);
			} else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
				break;
			}
		}
	}
};
static const TelModifier tel_modifier;

extern "C" int tpl_init(const char *root_dir)
{
	struct stat st;
	if (stat(root_dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return -1;
	try {
		ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root_dir);
		ctemplate::AddModifier("x-tel", &tel_modifier);
		rendered.reserve(64 * 1024);
		return 0;
	} catch (...) {
		return -1;
	}
}

extern "C" void tpl_reload(void)
{
	try {
		ctemplate::mutable_default_template_cache()->ReloadAllIfChanged(
		    ctemplate::TemplateCache::IMMEDIATE_RELOAD);
	} catch (...) {
	}
}

extern "C" tpl_dict *tpl_dict_new(void)
{
	try {
		return C(new TemplateDictionary("page"));
	} catch (...) {
		return nullptr;
	}
}

extern "C" void tpl_dict_free(tpl_dict *d)
{
	delete D(d);
}

extern "C" void tpl_set(tpl_dict *d, const char *key, const char *value)
{
	try {
		D(d)->SetValue(name_of(key), value ? value : "");
	} catch (...) {
	}
}

extern "C" void tpl_set_len(tpl_dict *d, const char *key, const char *value, size_t len)
{
	try {
		D(d)->SetValue(name_of(key), ctemplate::TemplateString(value, len));
	} catch (...) {
	}
}

extern "C" void tpl_set_int(tpl_dict *d, const char *key, long long value)
{
	try {
		D(d)->SetValue(name_of(key), std::to_string(value));
	} catch (...) {
	}
}

extern "C" tpl_dict *tpl_section(tpl_dict *d, const char *section)
{
	try {
		return C(D(d)->AddSectionDictionary(name_of(section)));
	} catch (...) {
		return nullptr;
	}
}

extern "C" void tpl_show(tpl_dict *d, const char *section)
{
	try {
		D(d)->ShowSection(name_of(section));
	} catch (...) {
	}
}

extern "C" tpl_dict *tpl_include(tpl_dict *d, const char *name, const char *filename)
{
	try {
		TemplateDictionary *inc = D(d)->AddIncludeDictionary(name_of(name));
		inc->SetFilename(filename);
		return C(inc);
	} catch (...) {
		return nullptr;
	}
}

extern "C" int tpl_render(const char *filename, tpl_dict *d, const char **out, size_t *len)
{
	try {
		rendered.clear();
		if (!ctemplate::ExpandTemplate(filename, ctemplate::STRIP_BLANK_LINES, D(d), &rendered))
			return -1;
		*out = rendered.data();
		*len = rendered.size();
		return 0;
	} catch (...) {
		return -1;
	}
}
