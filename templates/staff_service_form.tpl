{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<nav class="breadcrumbs" aria-label="Путь"><a href="{{LIST_URL}}">Услуги центра</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
{{#IS_EDIT}}{{#ARCHIVED}}<p class="notice notice-archived">Услуга в архиве: её нет в каталоге, а её страница сообщает, что услуга больше не оказывается.</p>{{/ARCHIVED}}{{/IS_EDIT}}
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Услуга не сохранена: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
{{#FORM_TOKEN_ERROR}}<p class="field-error" id="s-token-error">{{ERROR}}</p>{{/FORM_TOKEN_ERROR}}
<form class="form" action="{{#IS_NEW}}/staff/services/new{{/IS_NEW}}{{#IS_EDIT}}/staff/services/{{ID}}{{/IS_EDIT}}" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#IS_NEW}}<input type="hidden" name="centre" value="{{CENTRE_SLUG}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">{{/IS_NEW}}
<div class="form-field">
<label for="s-title">Название</label>
<input id="s-title" name="title" type="text" maxlength="200" required value="{{TITLE_VALUE}}"{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="s-title-error"{{/TITLE_ERROR}}>
{{#TITLE_ERROR}}<p class="field-error" id="s-title-error">{{ERROR}}</p>{{/TITLE_ERROR}}
</div>
<div class="form-field">
<label for="s-summary">Кратко: одна-две фразы для карточки в каталоге</label>
<textarea id="s-summary" name="summary" rows="3" maxlength="500" required{{#SUMMARY_ERROR}} aria-invalid="true" aria-describedby="s-summary-error"{{/SUMMARY_ERROR}}>{{SUMMARY}}</textarea>
{{#SUMMARY_ERROR}}<p class="field-error" id="s-summary-error">{{ERROR}}</p>{{/SUMMARY_ERROR}}
</div>
<div class="form-field">
<label for="s-description">Описание</label>
<textarea id="s-description" name="description" rows="10" maxlength="6000" required{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="s-description-error"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="field-error" id="s-description-error">{{ERROR}}</p>{{/DESCRIPTION_ERROR}}
</div>
<div class="form-field">
<label for="s-category">Вид поддержки</label>
<select id="s-category" name="category" required{{#CATEGORY_ERROR}} aria-invalid="true" aria-describedby="s-category-error"{{/CATEGORY_ERROR}}>
<option value="">— выберите —</option>
{{#CATEGORY_GROUP}}<optgroup label="{{GROUP_NAME}}">
{{#CATEGORY_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CATEGORY_OPTION}}</optgroup>
{{/CATEGORY_GROUP}}</select>
{{#CATEGORY_ERROR}}<p class="field-error" id="s-category-error">{{ERROR}}</p>{{/CATEGORY_ERROR}}
</div>
<div class="form-field">
<label for="s-target">Для кого</label>
<select id="s-target" name="target" required{{#TARGET_ERROR}} aria-invalid="true" aria-describedby="s-target-error"{{/TARGET_ERROR}}>
<option value="">— выберите —</option>
{{#TARGET_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/TARGET_OPTION}}</select>
{{#TARGET_ERROR}}<p class="field-error" id="s-target-error">{{ERROR}}</p>{{/TARGET_ERROR}}
</div>
<div class="form-field">
<label for="s-format">Формат</label>
<select id="s-format" name="format" required{{#FORMAT_ERROR}} aria-invalid="true" aria-describedby="s-format-error"{{/FORMAT_ERROR}}>
<option value="">— выберите —</option>
{{#FORMAT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/FORMAT_OPTION}}</select>
{{#FORMAT_ERROR}}<p class="field-error" id="s-format-error">{{ERROR}}</p>{{/FORMAT_ERROR}}
</div>
<div class="form-field">
<label for="s-cost">Стоимость</label>
<select id="s-cost" name="cost" required{{#COST_ERROR}} aria-invalid="true" aria-describedby="s-cost-error"{{/COST_ERROR}}>
<option value="">— выберите —</option>
{{#COST_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/COST_OPTION}}</select>
{{#COST_ERROR}}<p class="field-error" id="s-cost-error">{{ERROR}}</p>{{/COST_ERROR}}
</div>
<div class="form-field">
<label for="s-price-note">Уточнение стоимости <span class="optional">(необязательно)</span></label>
<input id="s-price-note" name="price_note" type="text" maxlength="200" value="{{PRICE_NOTE}}"{{#PRICE_NOTE_ERROR}} aria-invalid="true" aria-describedby="s-price-note-error"{{/PRICE_NOTE_ERROR}}>
{{#PRICE_NOTE_ERROR}}<p class="field-error" id="s-price-note-error">{{ERROR}}</p>{{/PRICE_NOTE_ERROR}}
</div>
<div class="form-field">
<label for="s-eligibility">Кто может получить <span class="optional">(необязательно)</span></label>
<textarea id="s-eligibility" name="eligibility" rows="3" maxlength="1000"{{#ELIGIBILITY_ERROR}} aria-invalid="true" aria-describedby="s-eligibility-error"{{/ELIGIBILITY_ERROR}}>{{ELIGIBILITY}}</textarea>
{{#ELIGIBILITY_ERROR}}<p class="field-error" id="s-eligibility-error">{{ERROR}}</p>{{/ELIGIBILITY_ERROR}}
</div>
<div class="form-field">
<label for="s-contact-name">Контактное лицо <span class="optional">(необязательно)</span></label>
<input id="s-contact-name" name="contact_name" type="text" maxlength="200" value="{{CONTACT_NAME}}"{{#CONTACT_NAME_ERROR}} aria-invalid="true" aria-describedby="s-contact-name-error"{{/CONTACT_NAME_ERROR}}>
{{#CONTACT_NAME_ERROR}}<p class="field-error" id="s-contact-name-error">{{ERROR}}</p>{{/CONTACT_NAME_ERROR}}
</div>
<div class="form-field">
<label for="s-contact-phone">Телефон для связи <span class="optional">(необязательно)</span></label>
<input id="s-contact-phone" name="contact_phone" type="tel" maxlength="40" value="{{CONTACT_PHONE}}"{{#CONTACT_PHONE_ERROR}} aria-invalid="true" aria-describedby="s-contact-phone-error"{{/CONTACT_PHONE_ERROR}}>
{{#CONTACT_PHONE_ERROR}}<p class="field-error" id="s-contact-phone-error">{{ERROR}}</p>{{/CONTACT_PHONE_ERROR}}
</div>
<div class="form-field">
<label for="s-contact-email">Почта для связи <span class="optional">(необязательно)</span></label>
<input id="s-contact-email" name="contact_email" type="email" maxlength="254" value="{{CONTACT_EMAIL}}"{{#CONTACT_EMAIL_ERROR}} aria-invalid="true" aria-describedby="s-contact-email-error"{{/CONTACT_EMAIL_ERROR}}>
{{#CONTACT_EMAIL_ERROR}}<p class="field-error" id="s-contact-email-error">{{ERROR}}</p>{{/CONTACT_EMAIL_ERROR}}
</div>
<fieldset class="form-field checkbox-group"{{#DISTRICTS_ERROR}} aria-invalid="true" aria-describedby="s-districts-error"{{/DISTRICTS_ERROR}}>
<legend>Где доступна услуга</legend>
{{#DISTRICT_OPTION}}<label class="check"><input type="checkbox" name="districts" value="{{OPTION_VALUE}}"{{#OPTION_CHECKED}} checked{{/OPTION_CHECKED}}> {{OPTION_TEXT}}</label>
{{/DISTRICT_OPTION}}{{#DISTRICTS_ERROR}}<p class="field-error" id="s-districts-error">{{ERROR}}</p>{{/DISTRICTS_ERROR}}
</fieldset>
<div class="form-actions"><button type="submit">{{#IS_NEW}}Добавить услугу{{/IS_NEW}}{{#IS_EDIT}}Сохранить изменения{{/IS_EDIT}}</button> <a href="{{LIST_URL}}">К списку услуг</a></div>
</form>
{{#IS_EDIT}}<div class="status-actions">
<p><a href="/services/{{ID}}">Страница услуги на сайте</a></p>
{{#ACTIVE}}<form class="inline-form" action="/staff/services/{{ID}}/archive" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Перенести в архив</button> <span class="hint">Услуга исчезнет из каталога; её страница сообщит, что услуга в архиве.</span></form>{{/ACTIVE}}
{{#ARCHIVED}}<form class="inline-form" action="/staff/services/{{ID}}/restore" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Вернуть в каталог</button></form>{{/ARCHIVED}}
</div>{{/IS_EDIT}}
