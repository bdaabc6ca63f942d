/* handlers/labels.c: what the stored enum values are called in Russian. The
 * tables double as the list of values a filter accepts. */
#include "handlers.h"

#include <string.h>

const struct label target_labels[] = {
	{ "ngo", "НКО" },
	{ "initiative", "Инициативные группы" },
	{ "citizen", "Граждане" },
	{ "any", "Все категории" },
	{ NULL, NULL },
};

const struct label format_labels[] = {
	{ "online", "Онлайн" },
	{ "offline", "Очно" },
	{ "both", "Очно и онлайн" },
	{ NULL, NULL },
};

const struct label cost_labels[] = {
	{ "free", "Бесплатно" },
	{ "paid", "Платно" },
	{ NULL, NULL },
};

const struct label legal_form_labels[] = {
	{ "ano", "Автономная некоммерческая организация" },
	{ "fond", "Фонд" },
	{ "ro", "Региональная общественная организация" },
	{ "oo", "Общественная организация" },
	{ "assoc", "Ассоциация (союз)" },
	{ "tos", "Территориальное общественное самоуправление" },
	{ "kazach", "Казачье общество" },
	{ "religious", "Религиозная организация" },
	{ "other", "Иная форма" },
	{ NULL, NULL },
};

int label_index(const struct label *table, const char *value)
{
	for (int i = 0; value != NULL && table[i].value != NULL; i++)
		if (strcmp(table[i].value, value) == 0)
			return i;
	return -1;
}

const char *label_text(const struct label *table, const char *value)
{
	int i = label_index(table, value);
	return i >= 0 ? table[i].text : (value ? value : "");
}

const char *plural_ru(long long n, const char *one, const char *few, const char *many)
{
	long long m10 = n % 10, m100 = n % 100;
	if (m10 == 1 && m100 != 11)
		return one;
	if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14))
		return few;
	return many;
}
