{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/staff/">Заявки</a></nav>
<article class="request">
<h1>Заявка №{{ID}}: {{TOPIC}}</h1>
{{#NOTICE}}<p class="notice" role="status" id="notice">{{NOTICE_TEXT}}</p>{{/NOTICE}}
{{#READ_ONLY}}<p class="notice" role="status" id="read-only">Заявка передана в центр «{{CENTRE_NAME}}»: действовать по ней может только он. Вам видна её история.</p>{{/READ_ONLY}}
<dl class="facts">
<dt>Статус</dt><dd class="status status-{{STATUS}}" id="request-status">{{STATUS_LABEL}}</dd>
<dt>Услуга</dt><dd><a href="/services/{{SERVICE_ID}}">{{SERVICE_TITLE}}</a></dd>
<dt>Ресурсный центр</dt><dd id="request-centre">{{CENTRE_NAME}}</dd>
<dt>Заявитель</dt><dd>{{USER_NAME}} ({{USER_EMAIL}})</dd>
{{#HAS_NGO}}<dt>Организация</dt><dd><a href="/ngos/{{NGO_ID}}">{{NGO_NAME}}</a></dd>{{/HAS_NGO}}
<dt>Как связаться</dt><dd>{{CONTACT_METHOD}}: {{CONTACT_VALUE}}</dd>
<dt>Поступила</dt><dd>{{CREATED_AT}}</dd>
<dt>Изменена</dt><dd>{{UPDATED_AT}}</dd>
</dl>
<h2>Сообщение</h2>
<p class="description" id="request-message">{{MESSAGE}}</p>
{{>HISTORY}}
{{#ACTION}}<form class="form request-action" id="action-{{ACTION_NAME}}" action="/staff/requests/{{ID}}/{{ACTION_NAME}}#action-{{ACTION_NAME}}" method="post" novalidate>
<h2>{{ACTION_TITLE}}</h2>
{{#FORM_ERRORS}}<div class="form-errors" role="alert"><p>Действие не выполнено: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#HAS_CENTRE}}<div class="form-field">
<label for="{{ACTION_NAME}}-centre">Центр, которому передать заявку</label>
<select id="{{ACTION_NAME}}-centre" name="centre" required{{#CENTRE_ERROR}} aria-invalid="true" aria-describedby="{{ACTION_NAME}}-centre-error"{{/CENTRE_ERROR}}>
<option value="">Выберите центр</option>
{{#CENTRE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CENTRE_OPTION}}</select>
{{#CENTRE_ERROR}}<p class="field-error" id="{{ACTION_NAME}}-centre-error">{{ERROR}}</p>{{/CENTRE_ERROR}}
</div>{{/HAS_CENTRE}}
<div class="form-field">
<label for="{{ACTION_NAME}}-note">{{NOTE_LABEL}}</label>
<textarea id="{{ACTION_NAME}}-note" name="note" rows="3" maxlength="{{NOTE_MAX}}"{{#NOTE_REQUIRED}} required{{/NOTE_REQUIRED}}{{#NOTE_ERROR}} aria-invalid="true" aria-describedby="{{ACTION_NAME}}-note-error"{{/NOTE_ERROR}}>{{NOTE}}</textarea>
{{#NOTE_ERROR}}<p class="field-error" id="{{ACTION_NAME}}-note-error">{{ERROR}}</p>{{/NOTE_ERROR}}
</div>
<div class="form-actions"><button type="submit">{{ACTION_BUTTON}}</button></div>
</form>
{{/ACTION}}
</article>
