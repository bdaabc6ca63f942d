{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<h1>{{TITLE}}</h1>
<p class="lead">{{CENTRE_FULL_NAME}}. Название, ИНН и ОГРН меняет модератор министерства.</p>
{{#NOTICE}}<p class="notice" role="status">{{NOTICE_TEXT}}</p>{{/NOTICE}}
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Изменения не сохранены: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
<form class="form" action="/staff/centre" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="centre" value="{{CENTRE_SLUG}}">
<div class="form-field">
<label for="c-description">Описание центра</label>
<textarea id="c-description" name="description" rows="8" maxlength="5000" required{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="c-description-error"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="field-error" id="c-description-error">{{ERROR}}</p>{{/DESCRIPTION_ERROR}}
</div>
<div class="form-field">
<label for="c-address">Адрес</label>
<input id="c-address" name="address" type="text" maxlength="300" required value="{{ADDRESS}}"{{#ADDRESS_ERROR}} aria-invalid="true" aria-describedby="c-address-error"{{/ADDRESS_ERROR}}>
{{#ADDRESS_ERROR}}<p class="field-error" id="c-address-error">{{ERROR}}</p>{{/ADDRESS_ERROR}}
</div>
<div class="form-field">
<label for="c-phone">Телефон</label>
<input id="c-phone" name="phone" type="tel" maxlength="40" required value="{{PHONE}}"{{#PHONE_ERROR}} aria-invalid="true" aria-describedby="c-phone-error"{{/PHONE_ERROR}}>
{{#PHONE_ERROR}}<p class="field-error" id="c-phone-error">{{ERROR}}</p>{{/PHONE_ERROR}}
</div>
<div class="form-field">
<label for="c-email">Электронная почта</label>
<input id="c-email" name="email" type="email" maxlength="254" required value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="c-email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<p class="field-error" id="c-email-error">{{ERROR}}</p>{{/EMAIL_ERROR}}
</div>
<div class="form-field">
<label for="c-website">Сайт <span class="optional">(необязательно)</span></label>
<input id="c-website" name="website" type="url" maxlength="300" value="{{WEBSITE}}"{{#WEBSITE_ERROR}} aria-invalid="true" aria-describedby="c-website-error"{{/WEBSITE_ERROR}}>
{{#WEBSITE_ERROR}}<p class="field-error" id="c-website-error">{{ERROR}}</p>{{/WEBSITE_ERROR}}
</div>
<div class="form-field">
<label for="c-hours">Часы работы</label>
<input id="c-hours" name="hours" type="text" maxlength="300" required value="{{HOURS}}"{{#HOURS_ERROR}} aria-invalid="true" aria-describedby="c-hours-error"{{/HOURS_ERROR}}>
{{#HOURS_ERROR}}<p class="field-error" id="c-hours-error">{{ERROR}}</p>{{/HOURS_ERROR}}
</div>
<fieldset class="form-field checkbox-group"{{#DISTRICTS_ERROR}} aria-invalid="true" aria-describedby="c-districts-error"{{/DISTRICTS_ERROR}}>
<legend>Районы, которые обслуживает центр</legend>
{{#DISTRICT_OPTION}}<label class="check"><input type="checkbox" name="districts" value="{{OPTION_VALUE}}"{{#OPTION_CHECKED}} checked{{/OPTION_CHECKED}}> {{OPTION_TEXT}}</label>
{{/DISTRICT_OPTION}}{{#DISTRICTS_ERROR}}<p class="field-error" id="c-districts-error">{{ERROR}}</p>{{/DISTRICTS_ERROR}}
</fieldset>
<div class="form-actions"><button type="submit">Сохранить профиль</button> <a href="/centres/{{CENTRE_SLUG}}">Страница центра на сайте</a></div>
</form>
