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

/* Statuses of a service request (service_requests.status), in the order of
 * their lifecycle; the staff inbox counts and filters by them. */
const struct label request_status_labels[] = {
	{ "new", "Новая" },
	{ "accepted", "Принята в работу" },
	{ "done", "Выполнена" },
	{ "declined", "Отклонена" },
	{ NULL, NULL },
};

/* What happened to a request (request_events.kind), as its history says it. */
const struct label request_event_labels[] = {
	{ "created", "Заявка отправлена" },
	{ "accepted", "Принята в работу" },
	{ "comment", "Комментарий" },
	{ "done", "Выполнена" },
	{ "declined", "Отклонена" },
	{ "referred", "Передана в другой центр" },
	{ NULL, NULL },
};

/* How the beneficiary wants to be contacted (service_requests.contact_method). */
const struct label contact_method_labels[] = {
	{ "email", "Электронная почта" },
	{ "phone", "Телефон" },
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

/* ---- centre content and the audit log ------------------------------ */

const struct label service_status_labels[] = {
	{ "active", "В каталоге" },
	{ "archived", "В архиве" },
	{ NULL, NULL },
};

const struct label news_status_labels[] = {
	{ "draft", "Черновик" },
	{ "published", "Опубликована" },
	{ NULL, NULL },
};

const struct label event_status_labels[] = {
	{ "draft", "Черновик" },
	{ "published", "Опубликовано" },
	{ "cancelled", "Отменено" },
	{ NULL, NULL },
};

/* The two halves of /events (?when=). */
const struct label event_when_labels[] = {
	{ "upcoming", "Предстоящие" },
	{ "past", "Прошедшие" },
	{ NULL, NULL },
};

/* What the audit log's rows are about (audit_log.entity; the filter's values). */
const struct label audit_entity_labels[] = {
	{ "centre", "Профиль центра" },
	{ "service", "Услуга" },
	{ "news", "Новость" },
	{ "event", "Мероприятие" },
	{ "user", "Учётная запись" },
	{ "request", "Заявка" },
	{ NULL, NULL },
};

const struct label audit_action_labels[] = {
	{ "centre.update", "изменён профиль" },
	{ "service.create", "создана" },
	{ "service.update", "изменена" },
	{ "service.archive", "перенесена в архив" },
	{ "service.restore", "возвращена в каталог" },
	{ "news.create", "создан черновик" },
	{ "news.update", "изменена" },
	{ "news.publish", "опубликована" },
	{ "news.unpublish", "снята с публикации" },
	{ "event.create", "создан черновик" },
	{ "event.update", "изменено" },
	{ "event.publish", "опубликовано" },
	{ "event.cancel", "отменено" },
	{ "user.create", "создана" },
	{ "request.accept", "принята в работу" },
	{ "request.done", "выполнена" },
	{ "request.decline", "отклонена" },
	{ "request.refer", "передана в другой центр" },
	{ "request.comment", "комментарий" },
	{ NULL, NULL },
};

/* Names of the fields audit records carry (the JSON keys). */
const struct label audit_field_labels[] = {
	{ "title", "Название" },
	{ "summary", "Кратко" },
	{ "description", "Описание" },
	{ "body", "Текст" },
	{ "category", "Вид поддержки" },
	{ "target", "Для кого" },
	{ "format", "Формат" },
	{ "cost", "Стоимость" },
	{ "price_note", "Уточнение стоимости" },
	{ "eligibility", "Кто может получить" },
	{ "contact_name", "Контактное лицо" },
	{ "contact_phone", "Телефон для связи" },
	{ "contact_email", "Почта для связи" },
	{ "districts", "Районы" },
	{ "district", "Район" },
	{ "status", "Статус" },
	{ "starts_at", "Начало" },
	{ "ends_at", "Окончание" },
	{ "place", "Место" },
	{ "online_url", "Ссылка для участия онлайн" },
	{ "registration_url", "Ссылка на регистрацию" },
	{ "address", "Адрес" },
	{ "phone", "Телефон" },
	{ "email", "Электронная почта" },
	{ "website", "Сайт" },
	{ "hours", "Часы работы" },
	{ "name", "Имя" },
	{ "role", "Роль" },
	{ "centre", "Центр" },
	{ "note", "Комментарий" },
	{ NULL, NULL },
};
