/* feeds/opendata.c: the open-data sets, their data files and passports.
 * A data version is the XML of a set's current records (and its CSV twin,
 * RFC 4180); it is stored (store/opendata.c) whenever its SHA-256 or its
 * structure differs from the latest stored version, stamped with the local
 * date, YYYYMMDD, then YYYYMMDDTHHMM and YYYYMMDDTHHMMSS when the set
 * changes again on the same day. Stored versions are served as stored, so
 * earlier versions stay downloadable byte for byte. */
#include "opendata.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../fcgi/timefmt.h"
#include "xmlout.h"

#define OD_FORMAT "xml"
#define OD_DATE_LEN 8    /* YYYYMMDD, then THHMM or THHMMSS */
#define OD_STAMP_FORMS 3 /* date, date and minute, date and second */
#define OD_LIST_SEPARATOR "; "

/* ---- the table of sets ------------------------------------------------ */

/* Rows of the field tables: a plain field, a page of the site, a list. */
#define FIELD(name, kind, column) { name, kind, column, NULL, NULL, NULL }
#define PAGE(name, column, page) { name, OD_PAGE, column, page, NULL, NULL }
#define LIST(name, item, attr) { name, OD_LIST, 0, NULL, item, attr }

static const struct od_field centre_fields[] = {
	FIELD("id", OD_TEXT, OD_CENTRE_ID),
	FIELD("name", OD_TEXT, OD_CENTRE_NAME),
	FIELD("short_name", OD_TEXT, OD_CENTRE_SHORT_NAME),
	FIELD("inn", OD_OPTIONAL, OD_CENTRE_INN),
	FIELD("ogrn", OD_OPTIONAL, OD_CENTRE_OGRN),
	FIELD("demo", OD_BOOL, OD_CENTRE_IS_DEMO),
	FIELD("district", OD_TEXT, OD_CENTRE_DISTRICT),
	FIELD("district_oktmo", OD_OPTIONAL, OD_CENTRE_DISTRICT_OKTMO),
	FIELD("address", OD_TEXT, OD_CENTRE_ADDRESS),
	FIELD("phone", OD_TEXT, OD_CENTRE_PHONE),
	FIELD("email", OD_TEXT, OD_CENTRE_EMAIL),
	FIELD("website", OD_OPTIONAL, OD_CENTRE_WEBSITE),
	FIELD("hours", OD_TEXT, OD_CENTRE_HOURS),
	FIELD("description", OD_TEXT, OD_CENTRE_DESCRIPTION),
	FIELD("services_count", OD_TEXT, OD_CENTRE_SERVICES),
	LIST("districts_served", "district", "oktmo"),
	PAGE("url", OD_CENTRE_SLUG, "/centres/"),
};

static const struct od_field service_fields[] = {
	FIELD("id", OD_TEXT, OD_SERVICE_ID),
	FIELD("title", OD_TEXT, OD_SERVICE_TITLE),
	FIELD("summary", OD_TEXT, OD_SERVICE_SUMMARY),
	FIELD("description", OD_TEXT, OD_SERVICE_DESCRIPTION),
	FIELD("centre_id", OD_TEXT, OD_SERVICE_CENTRE_ID),
	FIELD("centre_name", OD_TEXT, OD_SERVICE_CENTRE_NAME),
	FIELD("centre_inn", OD_OPTIONAL, OD_SERVICE_CENTRE_INN),
	FIELD("category_code", OD_TEXT, OD_SERVICE_CATEGORY_CODE),
	FIELD("category", OD_TEXT, OD_SERVICE_CATEGORY),
	FIELD("parent_category", OD_OPTIONAL, OD_SERVICE_PARENT_CATEGORY),
	FIELD("target_group", OD_TEXT, OD_SERVICE_TARGET),
	FIELD("format", OD_TEXT, OD_SERVICE_FORMAT),
	FIELD("cost", OD_TEXT, OD_SERVICE_COST),
	FIELD("price_note", OD_OPTIONAL, OD_SERVICE_PRICE_NOTE),
	FIELD("eligibility", OD_OPTIONAL, OD_SERVICE_ELIGIBILITY),
	FIELD("contact_name", OD_OPTIONAL, OD_SERVICE_CONTACT_NAME),
	FIELD("contact_phone", OD_OPTIONAL, OD_SERVICE_CONTACT_PHONE),
	FIELD("contact_email", OD_OPTIONAL, OD_SERVICE_CONTACT_EMAIL),
	LIST("districts", "district", "oktmo"),
	PAGE("url", OD_SERVICE_ID, "/services/"),
	FIELD("created", OD_TIME, OD_SERVICE_CREATED_AT),
	FIELD("updated", OD_TIME, OD_SERVICE_UPDATED_AT),
};

static const struct od_field quality_fields[] = {
	FIELD("centre_id", OD_TEXT, OD_QUALITY_CENTRE_ID),
	FIELD("centre_name", OD_TEXT, OD_QUALITY_CENTRE_NAME),
	FIELD("centre_inn", OD_OPTIONAL, OD_QUALITY_CENTRE_INN),
	FIELD("ratings", OD_TEXT, OD_QUALITY_RATINGS),
	FIELD("overall", OD_OPTIONAL, OD_QUALITY_OVERALL),
	LIST("criteria", "criterion", "code"),
	PAGE("url", OD_QUALITY_CENTRE_SLUG, "/centres/"),
};

static const struct od_field project_fields[] = {
	FIELD("id", OD_TEXT, OD_PROJECT_ID),
	FIELD("title", OD_TEXT, OD_PROJECT_TITLE),
	FIELD("ngo_name", OD_TEXT, OD_PROJECT_NGO),
	FIELD("ngo_inn", OD_TEXT, OD_PROJECT_NGO_INN),
	FIELD("district", OD_TEXT, OD_PROJECT_DISTRICT),
	FIELD("district_oktmo", OD_OPTIONAL, OD_PROJECT_DISTRICT_OKTMO),
	FIELD("category", OD_TEXT, OD_PROJECT_CATEGORY),
	FIELD("centre_name", OD_OPTIONAL, OD_PROJECT_CENTRE),
	FIELD("funding_source", OD_TEXT, OD_PROJECT_FUNDING),
	FIELD("grant_amount", OD_OPTIONAL, OD_PROJECT_GRANT_AMOUNT),
	FIELD("grant_start", OD_OPTIONAL, OD_PROJECT_GRANT_START),
	FIELD("grant_end", OD_OPTIONAL, OD_PROJECT_GRANT_END),
	FIELD("status", OD_TEXT, OD_PROJECT_STATUS),
	FIELD("status_changed", OD_TIME, OD_PROJECT_STATUS_CHANGED_AT),
	FIELD("last_update", OD_TIME, OD_PROJECT_LAST_UPDATE_AT),
	PAGE("url", OD_PROJECT_ID, "/projects/"),
};

/* The coverage of districts (store/coverage.c), as /coverage shows it. */
static const struct od_field coverage_fields[] = {
	FIELD("id", OD_TEXT, OD_COVERAGE_ID),
	FIELD("district", OD_TEXT, OD_COVERAGE_DISTRICT),
	FIELD("district_oktmo", OD_OPTIONAL, OD_COVERAGE_OKTMO),
	FIELD("category_code", OD_TEXT, OD_COVERAGE_CATEGORY_CODE),
	FIELD("category", OD_TEXT, OD_COVERAGE_CATEGORY),
	FIELD("services_in_person", OD_TEXT, OD_COVERAGE_IN_PERSON),
	FIELD("services_online", OD_TEXT, OD_COVERAGE_ONLINE),
	FIELD("in_person_gap", OD_BOOL, OD_COVERAGE_GAP),
	PAGE("url", OD_COVERAGE_DISTRICT_SLUG, "/coverage#district-"),
};

/* The survival figures (store/projects.c survival_figures, survival.c's arithmetic). */
static const struct od_field survival_fields[] = {
	FIELD("id", OD_TEXT, SV_ID),
	FIELD("breakdown", OD_TEXT, SV_BREAKDOWN),
	FIELD("group_key", OD_TEXT, SV_KEY),
	FIELD("group_name", OD_TEXT, SV_NAME),
	FIELD("projects", OD_TEXT, SV_PROJECTS),
	FIELD("observed_6m", OD_TEXT, SV_OBSERVED_6),
	FIELD("alive_6m", OD_TEXT, SV_ALIVE_6),
	FIELD("share_6m", OD_OPTIONAL, SV_SHARE_6),
	FIELD("observed_12m", OD_TEXT, SV_OBSERVED_12),
	FIELD("alive_12m", OD_TEXT, SV_ALIVE_12),
	FIELD("share_12m", OD_OPTIONAL, SV_SHARE_12),
};

static const struct od_structure centre_structures[] = { { "20261125", "opendata-centres.xsd" } };
static const struct od_structure service_structures[] = { { "20261125", "opendata-services.xsd" } };
static const struct od_structure quality_structures[] = { { "20261125", "opendata-quality.xsd" } };
static const struct od_structure project_structures[] = { { "20261125", "opendata-projects.xsd" } };
static const struct od_structure survival_structures[] = { { "20261125", "opendata-survival.xsd" } };
static const struct od_structure coverage_structures[] = { { "20261125", "opendata-coverage.xsd" } };

#define FIELDS(a) a, sizeof a / sizeof a[0]

/* The table of sets: a new set is one row here, its fields, its queries
 * (store/opendata.c) and its XSD in feeds/. */
const struct od_set od_sets[] = {
	{ "centres", "Ресурсные центры поддержки некоммерческих организаций",
	  "Ресурсные центры, которые оказывают услуги некоммерческим организациям, инициативным группам и "
	  "гражданам: наименование, ИНН и ОГРН, адрес, контакты, часы работы, обслуживаемые районы (ОКТМО), "
	  "число услуг.",
	  "ресурсный центр, НКО, некоммерческие организации, поддержка, СО НКО",
	  "centres", "centre", FIELDS(centre_fields), FIELDS(centre_structures), opendata_centres,
	  opendata_centre_districts },
	{ "services", "Услуги ресурсных центров для некоммерческих организаций",
	  "Действующие услуги ресурсных центров: вид поддержки, для кого, формат, стоимость, условия, "
	  "контакты, районы оказания (ОКТМО), даты создания и изменения.",
	  "услуги, НКО, консультации, обучение, грантовая поддержка, ресурсный центр",
	  "services", "service", FIELDS(service_fields), FIELDS(service_structures), opendata_services,
	  opendata_service_districts },
	{ "quality", "Показатели качества услуг ресурсных центров",
	  "Оценки, которые получатели поставили услугам каждого ресурсного центра по единому стандарту качества: "
	  "число проверенных оценок, средняя общая оценка и средние оценки по критериям стандарта (от 1 до 5).",
	  "качество услуг, оценки, стандарт качества, ресурсный центр, НКО",
	  "quality", "centre", FIELDS(quality_fields), FIELDS(quality_structures), opendata_quality,
	  opendata_quality_criteria },
	{ "projects", "Проекты НКО и их продолжение после грантов",
	  "Проекты некоммерческих организаций: источник и сроки финансирования, поддерживающий ресурсный центр "
	  "и текущее состояние — продолжается ли проект после окончания гранта.",
	  "проекты НКО, гранты, устойчивость проектов, выживаемость проектов",
	  "projects", "project", FIELDS(project_fields), FIELDS(project_structures), opendata_projects, NULL },
	{ "survival", "Выживаемость проектов НКО после гранта",
	  "Доля проектов НКО с президентским, региональным или муниципальным грантом, которые живы через 6 и 12 "
	  "месяцев после окончания первого гранта: по всему краю, по районам, по поддерживающим ресурсным центрам и "
	  "по году окончания гранта. Как считается — на странице /survival.",
	  "выживаемость проектов, гранты, устойчивость проектов, НКО, ресурсный центр",
	  "survival", "group", FIELDS(survival_fields), FIELDS(survival_structures), opendata_survival, NULL },
	{ "coverage", "Охват районов услугами ресурсных центров",
	  "Сколько действующих услуг ресурсных центров доступно в каждом районе края очно и онлайн, по видам "
	  "поддержки, и где очных услуг нет. Как считается — на странице /coverage.",
	  "охват районов, услуги НКО, ресурсные центры, отдалённые районы, ОКТМО",
	  "coverage", "reach", FIELDS(coverage_fields), FIELDS(coverage_structures), opendata_coverage, NULL },
};
const size_t od_nsets = sizeof od_sets / sizeof od_sets[0];

/* Looks a set up in the table of sets by its code. */
const struct od_set *od_set_find(const char *code)
{
	for (size_t i = 0; i < od_nsets; i++)
		if (strcmp(od_sets[i].code, code) == 0)
			return &od_sets[i];
	return NULL;
}

/* Looks a structure version of the set up by its stamp. */
const struct od_structure *od_structure_find(const struct od_set *set, const char *stamp)
{
	for (size_t i = 0; i < set->nstructures; i++)
		if (strcmp(set->structures[i].stamp, stamp) == 0)
			return &set->structures[i];
	return NULL;
}

/* The structure new data versions are written in: the last one. */
static const struct od_structure *current_structure(const struct od_set *set)
{
	return &set->structures[set->nstructures - 1];
}

/* Both name and INN of [publisher] are set. */
bool od_publisher_known(const struct config *cfg)
{
	return cfg->publisher_name[0] != '\0' && cfg->publisher_inn[0] != '\0';
}

/* The set's identifier, as the recommendations form it. */
char *od_identifier(arena *mem, const struct config *cfg, const struct od_set *set)
{
	return arena_printf(mem, "%s-%s", cfg->publisher_inn, set->code);
}

/* ---- file names ------------------------------------------------------- */

/* The file name of a data version in a format. */
char *od_data_name(arena *mem, const char *stamp, const char *structure_stamp, const char *format)
{
	return arena_printf(mem, "data-%s-structure-%s.%s", stamp, structure_stamp, format);
}

/* The file name of a structure version. */
char *od_structure_name(arena *mem, const char *stamp)
{
	return arena_printf(mem, "structure-%s.xsd", stamp);
}

/* True for s[0..len) of the form YYYYMMDD, YYYYMMDDTHHMM or YYYYMMDDTHHMMSS. */
static bool valid_stamp(const char *s, size_t len)
{
	if (len != OD_DATE_LEN && len != OD_DATE_LEN + 5 && len != OD_DATE_LEN + 7)
		return false;
	for (size_t i = 0; i < len; i++)
		if (i == OD_DATE_LEN ? s[i] != 'T' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

/* Splits a data file name into its stamps and format, checking each. */
bool od_parse_data_name(arena *mem, const char *name, struct opendata_file *f)
{
	static const char prefix[] = "data-", middle[] = "-structure-";
	if (strncmp(name, prefix, sizeof prefix - 1) != 0)
		return false;
	const char *stamp = name + sizeof prefix - 1;
	const char *mid = strstr(stamp, middle), *dot = strrchr(name, '.');
	if (mid == NULL || dot == NULL || dot < mid)
		return false;
	const char *structure = mid + sizeof middle - 1, *format = dot + 1;
	if (!valid_stamp(stamp, (size_t)(mid - stamp)) || !valid_stamp(structure, (size_t)(dot - structure)) ||
	    (strcmp(format, "xml") != 0 && strcmp(format, "csv") != 0))
		return false;
	f->stamp = arena_strndup(mem, stamp, (size_t)(mid - stamp));
	f->structure_stamp = arena_strndup(mem, structure, (size_t)(dot - structure));
	f->format = format;
	return true;
}

/* Takes the stamp out of a structure file name, checking it. */
bool od_parse_structure_name(arena *mem, const char *name, const char **stamp)
{
	static const char prefix[] = "structure-", suffix[] = ".xsd";
	size_t n = strlen(name), fixed = sizeof prefix - 1 + sizeof suffix - 1;
	if (n <= fixed || strncmp(name, prefix, sizeof prefix - 1) != 0 ||
	    strcmp(name + n - (sizeof suffix - 1), suffix) != 0 ||
	    !valid_stamp(name + sizeof prefix - 1, n - fixed))
		return false;
	*stamp = arena_strndup(mem, name + sizeof prefix - 1, n - fixed);
	return true;
}

/* ---- data files ------------------------------------------------------- */

/* The XML and CSV of one data version, being written. */
struct od_writer {
	arena *mem;
	const struct config *cfg;
	struct xml_out xml;
	FILE *csv;
	char *csv_data;
	size_t csv_len;
};

/* One CSV field, RFC 4180: quoted when it holds a comma, quote or line
 * break, with quotes doubled; first says whether a comma goes before it. */
static void csv_field(FILE *f, const char *s, bool first)
{
	if (!first)
		fputc(',', f);
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* The CSV header: one column per field, two for a list. */
static void csv_header(FILE *f, arena *mem, const struct od_set *set)
{
	for (size_t i = 0; i < set->nfields; i++) {
		const struct od_field *fd = &set->fields[i];
		csv_field(f, fd->name, i == 0);
		if (fd->kind == OD_LIST)
			csv_field(f, arena_printf(mem, "%s_%s", fd->name, fd->attr), false);
	}
	fputs("\r\n", f);
}

/* The text of a scalar field of row i. */
static const char *field_value(const struct od_writer *w, const struct od_field *fd, const struct db_rows *r,
                               size_t i)
{
	const char *v = db_cell(r, i, (size_t)fd->column);
	if (v == NULL)
		return "";
	switch (fd->kind) {
	case OD_BOOL: return strcmp(v, "0") == 0 ? "false" : "true";
	case OD_TIME: return format_iso8601_utc(w->mem, v);
	case OD_PAGE: return arena_printf(w->mem, "%s%s%s", w->cfg->base_url, fd->page, v);
	default: return v;
	}
}

/* The links rows [*from, end) that belong to owner id; *from moves past them. */
static size_t links_of(const struct db_rows *links, size_t *from, long long id)
{
	while (*from < links->nrows && db_cell_int(links, *from, OD_LINK_OWNER_ID) < id)
		(*from)++;
	size_t end = *from;
	while (end < links->nrows && db_cell_int(links, end, OD_LINK_OWNER_ID) == id)
		end++;
	return end;
}

/* <name><item attr="...">text</item>...</name> for the linked rows
 * [from, end), and two CSV cells: the texts and the attributes, each joined
 * by OD_LIST_SEPARATOR in the same order (a missing attribute stays an
 * empty place in its list). */
static void write_list(struct od_writer *w, const struct od_field *fd, const struct db_rows *links, size_t from,
                       size_t end)
{
	char *texts = "", *attrs = "";
	xml_start(&w->xml, fd->name);
	for (size_t j = from; j < end; j++) {
		const char *text = db_cell(links, j, OD_LINK_TEXT), *attr = db_cell(links, j, OD_LINK_ATTR);
		xml_start(&w->xml, fd->item);
		if (attr != NULL)
			xml_attr(&w->xml, fd->attr, attr);
		xml_text(&w->xml, text);
		xml_end(&w->xml);
		const char *sep = j > from ? OD_LIST_SEPARATOR : "";
		texts = arena_printf(w->mem, "%s%s%s", texts, sep, text);
		attrs = arena_printf(w->mem, "%s%s%s", attrs, sep, attr ? attr : "");
	}
	xml_end(&w->xml);
	csv_field(w->csv, texts, false);
	csv_field(w->csv, attrs, false);
}

/* One record as an XML element and a CSV line. */
static void write_record(struct od_writer *w, const struct od_set *set, const struct db_rows *r, size_t i,
                         const struct db_rows *links, size_t *link)
{
	xml_start(&w->xml, set->record);
	for (size_t k = 0; k < set->nfields; k++) {
		const struct od_field *fd = &set->fields[k];
		if (fd->kind == OD_LIST) {
			size_t end = links_of(links, link, db_cell_int(r, i, 0));
			write_list(w, fd, links, *link, end);
			*link = end;
			continue;
		}
		const char *v = field_value(w, fd, r, i);
		if (fd->kind != OD_OPTIONAL || v[0] != '\0') {
			xml_start(&w->xml, fd->name);
			xml_text(&w->xml, v);
			xml_end(&w->xml);
		}
		csv_field(w->csv, v, k == 0);
	}
	xml_end(&w->xml);
	fputs("\r\n", w->csv);
}

/* The current data of a set as XML (*xml) and CSV (*csv); -1 on failure. */
static int build_data(arena *mem, const struct config *cfg, const struct od_set *set, char **xml, char **csv)
{
	static struct db_rows no_links;
	struct db_rows *r = set->records(mem), *links = set->links ? set->links(mem) : &no_links;
	struct od_writer w = { .mem = mem, .cfg = cfg };
	if (r == NULL || links == NULL || (w.csv = open_memstream(&w.csv_data, &w.csv_len)) == NULL)
		return -1;
	xml_begin(&w.xml, mem);
	xml_start(&w.xml, set->root);
	csv_header(w.csv, mem, set);
	size_t link = 0;
	for (size_t i = 0; i < r->nrows; i++)
		write_record(&w, set, r, i, links, &link);
	xml_end(&w.xml);
	size_t len;
	*xml = xml_finish(&w.xml, &len);
	bool csv_ok = fclose(w.csv) == 0;
	*csv = csv_ok ? arena_strndup(mem, w.csv_data, w.csv_len) : NULL;
	free(w.csv_data);
	return *xml && *csv ? 0 : -1;
}

/* ---- versions --------------------------------------------------------- */

/* Lowercase hex SHA-256 of s. */
static void sha256_hex(const char *s, char out[2 * crypto_hash_sha256_BYTES + 1])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(out, 2 * crypto_hash_sha256_BYTES + 1, digest, sizeof digest);
}

/* The stamp of a version published now, in the form-th form. */
static void make_stamp(char out[OD_STAMP_MAX], int form)
{
	static const char *const forms[OD_STAMP_FORMS] = { "%Y%m%d", "%Y%m%dT%H%M", "%Y%m%dT%H%M%S" };
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, OD_STAMP_MAX, forms[form], &tm);
}

/* True when the newest stored version has this hash and structure. */
static bool is_latest(const struct db_rows *v, const char *sha, const char *structure)
{
	return v->nrows > 0 && strcmp(db_cell(v, 0, ODV_SHA256), sha) == 0 &&
	       strcmp(db_cell(v, 0, ODV_STRUCTURE_STAMP), structure) == 0;
}

/* Reads and writes go to the primary: a replica may lag behind the
 * version just stored, and the data hashed must be the newest. */
struct db_rows *od_versions(arena *mem, const struct config *cfg, const struct od_set *set)
{
	char *xml, *csv, sha[2 * crypto_hash_sha256_BYTES + 1], stamp[OD_STAMP_MAX];
	db_prefer_replica(false);
	if (build_data(mem, cfg, set, &xml, &csv) != 0)
		return NULL;
	sha256_hex(xml, sha);
	const char *structure = current_structure(set)->stamp;
	for (int form = 0; form < OD_STAMP_FORMS; form++) {
		struct db_rows *v = opendata_versions(mem, set->code);
		if (v == NULL || is_latest(v, sha, structure))
			return v;
		make_stamp(stamp, form);
		struct opendata_version nv = { set->code, stamp, structure, sha, xml, csv };
		if (opendata_insert(&nv) < 0) /* 0: the stamp is taken, try the next form */
			return NULL;
	}
	return opendata_versions(mem, set->code);
}

/* ---- passport and registry -------------------------------------------- */

/* The address of a file of a set. */
static char *set_url(arena *mem, const struct config *cfg, const struct od_set *set, const char *file)
{
	return arena_printf(mem, "%s/opendata/%s/%s", cfg->base_url, set->code, file);
}

/* YYYYMMDD of a version stamp. */
static char *stamp_date(arena *mem, const char *stamp)
{
	return arena_strndup(mem, stamp, OD_DATE_LEN);
}

/* The passport's <data>: every data version, newest first. */
static void write_data_versions(struct xml_out *x, const struct config *cfg, const struct od_set *set,
                                const struct db_rows *v)
{
	xml_start(x, "data");
	for (size_t i = 0; i < v->nrows; i++) {
		const char *stamp = db_cell(v, i, ODV_STAMP), *structure = db_cell(v, i, ODV_STRUCTURE_STAMP);
		xml_start(x, "dataversion");
		xml_element(x, "source", set_url(x->mem, cfg, set, od_data_name(x->mem, stamp, structure, OD_FORMAT)));
		xml_element(x, "created", stamp_date(x->mem, stamp));
		xml_element(x, "provenance", i + 1 == v->nrows ? "Первая публикация набора данных."
		                                               : "Данные набора изменились.");
		xml_element(x, "structure", structure);
		xml_end(x);
	}
	xml_end(x);
}

/* The passport's <structure>: every structure version, newest first. */
static void write_structure_versions(struct xml_out *x, const struct config *cfg, const struct od_set *set)
{
	xml_start(x, "structure");
	for (size_t i = set->nstructures; i-- > 0;) {
		xml_start(x, "structureversion");
		xml_element(x, "source", set_url(x->mem, cfg, set, od_structure_name(x->mem, set->structures[i].stamp)));
		xml_element(x, "created", set->structures[i].stamp);
		xml_end(x);
	}
	xml_end(x);
}

/* The passport's <publisher>: the person responsible, from [publisher]. */
static void write_publisher(struct xml_out *x, const struct config *cfg)
{
	xml_start(x, "publisher");
	xml_element(x, "name", cfg->publisher_person);
	xml_element(x, "phone", cfg->publisher_phone);
	xml_element(x, "mbox", cfg->publisher_email);
	xml_end(x);
}

/* The passport, its elements in the order of the recommendations. */
char *od_passport(arena *mem, const struct config *cfg, const struct od_set *set, const struct db_rows *v,
                  size_t *len)
{
	struct xml_out x;
	xml_begin(&x, mem);
	xml_start(&x, "meta");
	xml_element(&x, "standardversion", OD_STANDARD);
	xml_element(&x, "identifier", od_identifier(mem, cfg, set));
	xml_element(&x, "title", set->title);
	xml_element(&x, "description", set->description);
	xml_element(&x, "creator", cfg->publisher_name);
	xml_element(&x, "created", stamp_date(mem, db_cell(v, v->nrows - 1, ODV_STAMP)));
	xml_element(&x, "modified", stamp_date(mem, db_cell(v, 0, ODV_STAMP)));
	xml_element(&x, "subject", set->subject);
	xml_element(&x, "format", OD_FORMAT);
	write_data_versions(&x, cfg, set, v);
	write_structure_versions(&x, cfg, set);
	write_publisher(&x, cfg);
	xml_end(&x);
	return xml_finish(&x, len);
}

/* The registry: every set of the table, linking its passport. */
char *od_list(arena *mem, const struct config *cfg, size_t *len)
{
	struct xml_out x;
	xml_begin(&x, mem);
	xml_start(&x, "list");
	xml_start(&x, "meta");
	xml_element(&x, "standardversion", OD_STANDARD);
	xml_end(&x);
	xml_start(&x, "data");
	for (size_t i = 0; i < od_nsets; i++) {
		xml_start(&x, "dataset");
		xml_element(&x, "identifier", od_identifier(mem, cfg, &od_sets[i]));
		xml_element(&x, "title", od_sets[i].title);
		xml_element(&x, "link", set_url(mem, cfg, &od_sets[i], "meta.xml"));
		xml_element(&x, "format", OD_FORMAT);
		xml_end(&x);
	}
	xml_end(&x);
	xml_end(&x);
	return xml_finish(&x, len);
}
