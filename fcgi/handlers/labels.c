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
	{ "project", "Проект НКО" },
	{ "quality_standard", "Стандарт качества" },
	{ "quality_criterion", "Критерий стандарта качества" },
	{ "feedback", "Отзыв об услуге" },
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
	{ "project.support", "записана поддержка проекта" },
	{ "quality.create", "создан черновик" },
	{ "quality.publish", "опубликован" },
	{ "quality.retire", "выведен из действия" },
	{ "criterion.create", "добавлен" },
	{ "criterion.update", "изменён" },
	{ "criterion.delete", "удалён" },
	{ "feedback.approve", "отзыв опубликован" },
	{ "feedback.reject", "отзыв отклонён" },
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
	{ "kind", "Вид поддержки проекта" },
	{ "version", "Версия" },
	{ "copied_from", "Скопирована из версии" },
	{ "code", "Код" },
	{ "weight", "Вес" },
	{ "comment_status", "Отзыв" },
	{ NULL, NULL },
};

/* ---- projects and survival ------------------------------------------ */

/* Statuses of a project (projects.status), in the order of its life. */
const struct label project_status_labels[] = {
	{ "idea", "Идея" },
	{ "applied", "Подана заявка на грант" },
	{ "funded", "Получено финансирование" },
	{ "running", "Реализуется" },
	{ "completed", "Грант завершён" },
	{ "continued", "Продолжается после гранта" },
	{ "stalled", "Приостановлен" },
	{ "closed", "Закрыт" },
	{ NULL, NULL },
};

/* Where a project's money comes from (projects.funding_source). */
const struct label funding_labels[] = {
	{ "presidential", "Фонд президентских грантов" },
	{ "regional", "Региональный грант" },
	{ "municipal", "Муниципальный грант" },
	{ "business", "Бизнес" },
	{ "own", "Собственные средства" },
	{ "other", "Другое" },
	{ NULL, NULL },
};

/* What a centre did for a project (project_support.kind). */
const struct label support_kind_labels[] = {
	{ "consultation", "Консультация" },
	{ "new_application", "Помощь с новой заявкой" },
	{ "mentor", "Наставник" },
	{ "other", "Другое" },
	{ NULL, NULL },
};

/* The /projects filter "risk": only projects at risk. */
const struct label risk_filter_labels[] = {
	{ "1", "Только под риском" },
	{ NULL, NULL },
};

/* ---- quality standard, ratings, coverage ------------------------------- */

/* States of a version of the quality standard (quality_standards.status). */
const struct label standard_status_labels[] = {
	{ "draft", "Черновик" },
	{ "published", "Действует" },
	{ "retired", "Выведена из действия" },
	{ NULL, NULL },
};

/* States of a rating's comment (feedback.comment_status) other than 'none'
 * (no comment): the moderator's list filters by them. */
const struct label comment_status_labels[] = {
	{ "pending", "Ждёт проверки" },
	{ "approved", "Опубликован" },
	{ "rejected", "Отклонён" },
	{ NULL, NULL },
};
