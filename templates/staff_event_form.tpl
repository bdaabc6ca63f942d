{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<nav class="breadcrumbs" aria-label="Путь"><a href="{{LIST_URL}}">Мероприятия центра</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
{{#IS_NEW}}<p class="hint">Мероприятие сохранится черновиком; опубликовать его можно после сохранения.</p>{{/IS_NEW}}
{{#IS_EDIT}}{{#DRAFT}}<p class="notice">Черновик: мероприятие видно только сотрудникам центра.</p>{{/DRAFT}}{{#CANCELLED}}<p class="notice notice-archived">Мероприятие отменено: на сайте оно отмечено как отменённое.</p>{{/CANCELLED}}{{/IS_EDIT}}
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Мероприятие не сохранено: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
{{#FORM_TOKEN_ERROR}}<p class="field-error" id="e-token-error">{{ERROR}}</p>{{/FORM_TOKEN_ERROR}}
<form class="form" action="{{#IS_NEW}}/staff/events/new{{/IS_NEW}}{{#IS_EDIT}}/staff/events/{{ID}}{{/IS_EDIT}}" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#IS_NEW}}<input type="hidden" name="centre" value="{{CENTRE_SLUG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">{{/IS_NEW}}
<div class="form-field">
<label for="e-title">Название</label>
<input id="e-title" name="title" type="text" maxlength="200" required value="{{TITLE_VALUE}}"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="e-title-error"{{/TITLE_ERROR}}>
{{#TITLE_ERROR}}<p class="field-error" id="e-title-error">{{ERROR}}</p>{{/TITLE_ERROR}}
</div>
<div class="form-field">
<label for="e-summary">Кратко: одна-две фразы для списка мероприятий</label>
<textarea id="e-summary" name="summary" rows="3" maxlength="500" required{{#SUMMARY_ERROR}} aria-invalid="true" aria-describedby="e-summary-error"{{/SUMMARY_ERROR}}>{{SUMMARY}}</textarea>
{{#SUMMARY_ERROR}}<p class="field-error" id="e-summary-error">{{ERROR}}</p>{{/SUMMARY_ERROR}}
</div>
<div class="form-field">
<label for="e-description">Описание и программа</label>
<textarea id="e-description" name="description" rows="10" maxlength="6000" required{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="e-description-error"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="field-error" id="e-description-error">{{ERROR}}</p>{{/DESCRIPTION_ERROR}}
</div>
<div class="form-field">
<label for="e-starts">Начало (местное время)</label>
<input id="e-starts" name="starts_at" type="datetime-local" required value="{{STARTS_AT}}"{{#STARTS_AT_ERROR}} aria-invalid="true" aria-describedby="e-starts-error"{{/STARTS_AT_ERROR}}>
{{#STARTS_AT_ERROR}}<p class="field-error" id="e-starts-error">{{ERROR}}</p>{{/STARTS_AT_ERROR}}
</div>
<div class="form-field">
<label for="e-ends">Окончание (местное время)</label>
<input id="e-ends" name="ends_at" type="datetime-local" required value="{{ENDS_AT}}"{{#ENDS_AT_ERROR}} aria-invalid="true" aria-describedby="e-ends-error"{{/ENDS_AT_ERROR}}>
{{#ENDS_AT_ERROR}}<p class="field-error" id="e-ends-error">{{ERROR}}</p>{{/ENDS_AT_ERROR}}
</div>
<div class="form-field">
<label for="e-district">Район проведения <span class="optional">(для онлайн-мероприятия не нужен)</span></label>
<select id="e-district" name="district"{{#DISTRICT_ERROR}} aria-invalid="true" aria-describedby="e-district-error"{{/DISTRICT_ERROR}}>
<option value="">— не указан —</option>
{{#DISTRICT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/DISTRICT_OPTION}}</select>
{{#DISTRICT_ERROR}}<p class="field-error" id="e-district-error">{{ERROR}}</p>{{/DISTRICT_ERROR}}
</div>
<div class="form-field">
<label for="e-place">Место: адрес и помещение <span class="optional">(или ссылка для участия онлайн)</span></label>
<input id="e-place" name="place" type="text" maxlength="300" value="{{PLACE}}"{{#PLACE_ERROR}} aria-invalid="true" aria-describedby="e-place-error"{{/PLACE_ERROR}}>
{{#PLACE_ERROR}}<p class="field-error" id="e-place-error">{{ERROR}}</p>{{/PLACE_ERROR}}
</div>
<div class="form-field">
<label for="e-online">Ссылка для участия онлайн <span class="optional">(необязательно)</span></label>
<input id="e-online" name="online_url" type="url" maxlength="300" value="{{ONLINE_URL}}"{{#ONLINE_URL_ERROR}} aria-invalid="true" aria-describedby="e-online-error"{{/ONLINE_URL_ERROR}}>
{{#ONLINE_URL_ERROR}}<p class="field-error" id="e-online-error">{{ERROR}}</p>{{/ONLINE_URL_ERROR}}
</div>
<div class="form-field">
<label for="e-registration">Ссылка на регистрацию <span class="optional">(необязательно)</span></label>
<input id="e-registration" name="registration_url" type="url" maxlength="300" value="{{REGISTRATION_URL}}"{{#REGISTRATION_URL_ERROR}} aria-invalid="true" aria-describedby="e-registration-error"{{/REGISTRATION_URL_ERROR}}>
{{#REGISTRATION_URL_ERROR}}<p class="field-error" id="e-registration-error">{{ERROR}}</p>{{/REGISTRATION_URL_ERROR}}
</div>
<div class="form-actions"><button type="submit">{{#IS_NEW}}Сохранить черновик{{/IS_NEW}}{{#IS_EDIT}}Сохранить изменения{{/IS_EDIT}}</button> <a href="{{LIST_URL}}">К списку мероприятий</a></div>
</form>
{{#IS_EDIT}}<div class="status-actions">
{{#DRAFT}}<form class="inline-form" action="/staff/events/{{ID}}/publish" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Опубликовать</button></form>{{/DRAFT}}
{{#CANCELLED}}<p><a href="/events/{{ID}}">Мероприятие на сайте</a></p>
<form class="inline-form" action="/staff/events/{{ID}}/publish" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Вернуть мероприятие: опубликовать снова</button></form>{{/CANCELLED}}
{{#PUBLISHED}}<p><a href="/events/{{ID}}">Мероприятие на сайте</a></p>
<form class="inline-form" action="/staff/events/{{ID}}/cancel" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Отменить мероприятие</button> <span class="hint">Мероприятие останется на сайте с пометкой «отменено».</span></form>{{/PUBLISHED}}
</div>{{/IS_EDIT}}
