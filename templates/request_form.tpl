{{%AUTOESCAPE context="HTML"}}<section class="request-form" id="request" aria-labelledby="request-title">
<h2 id="request-title">Заявка на услугу</h2>
{{#SIGN_IN}}<p>Чтобы отправить заявку, <a href="{{LOGIN_URL}}">войдите на сайт</a> или <a href="/register">зарегистрируйтесь</a>.</p>{{/SIGN_IN}}
{{#FORM}}<p>Центр получит заявку и свяжется с вами. Следить за ней можно в разделе <a href="/account/requests">«Мои заявки»</a>.</p>
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Заявка не отправлена: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
{{#FORM_TOKEN_ERROR}}<p class="field-error" id="rq-token-error">{{ERROR}}</p>{{/FORM_TOKEN_ERROR}}
<form class="form" action="/services/{{SERVICE_ID}}/requests#request" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
<div class="form-field">
<label for="rq-topic">Тема</label>
<input id="rq-topic" name="topic" type="text" maxlength="{{TOPIC_MAX}}" required value="{{TOPIC}}" aria-describedby="rq-topic-hint{{#TOPIC_ERROR}} rq-topic-error{{/TOPIC_ERROR}}"{{#TOPIC_ERROR}} aria-invalid="true"{{/TOPIC_ERROR}}>
<p class="hint" id="rq-topic-hint">Коротко, о чём заявка: не больше {{TOPIC_MAX}} символов.</p>
{{#TOPIC_ERROR}}<p class="field-error" id="rq-topic-error">{{ERROR}}</p>{{/TOPIC_ERROR}}
</div>
<div class="form-field">
<label for="rq-message">Сообщение</label>
<textarea id="rq-message" name="message" rows="6" maxlength="{{MESSAGE_MAX}}" required aria-describedby="rq-message-hint{{#MESSAGE_ERROR}} rq-message-error{{/MESSAGE_ERROR}}"{{#MESSAGE_ERROR}} aria-invalid="true"{{/MESSAGE_ERROR}}>{{MESSAGE}}</textarea>
<p class="hint" id="rq-message-hint">Опишите задачу, сроки и что уже сделано: не больше {{MESSAGE_MAX}} символов.</p>
{{#MESSAGE_ERROR}}<p class="field-error" id="rq-message-error">{{ERROR}}</p>{{/MESSAGE_ERROR}}
</div>
<div class="form-field">
<label for="rq-contact-method">Как с вами связаться</label>
<select id="rq-contact-method" name="contact_method" required{{#CONTACT_METHOD_ERROR}} aria-invalid="true" aria-describedby="rq-contact-method-error"{{/CONTACT_METHOD_ERROR}}>
{{#CONTACT_METHOD_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CONTACT_METHOD_OPTION}}</select>
{{#CONTACT_METHOD_ERROR}}<p class="field-error" id="rq-contact-method-error">{{ERROR}}</p>{{/CONTACT_METHOD_ERROR}}
</div>
<div class="form-field">
<label for="rq-contact-value">Адрес электронной почты или телефон</label>
<input id="rq-contact-value" name="contact_value" type="text" maxlength="{{CONTACT_MAX}}" required value="{{CONTACT_VALUE}}" aria-describedby="rq-contact-value-hint{{#CONTACT_VALUE_ERROR}} rq-contact-value-error{{/CONTACT_VALUE_ERROR}}"{{#CONTACT_VALUE_ERROR}} aria-invalid="true"{{/CONTACT_VALUE_ERROR}}>
<p class="hint" id="rq-contact-value-hint">Для телефона — номер, например +7 (4212) 12-34-56.</p>
{{#CONTACT_VALUE_ERROR}}<p class="field-error" id="rq-contact-value-error">{{ERROR}}</p>{{/CONTACT_VALUE_ERROR}}
</div>
<div class="form-field">
<label for="rq-ngo">Для какой организации</label>
<select id="rq-ngo" name="ngo_id"{{#NGO_ID_ERROR}} aria-invalid="true" aria-describedby="rq-ngo-error"{{/NGO_ID_ERROR}}>
<option value="">Без организации (для меня лично)</option>
{{#NGO_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/NGO_OPTION}}</select>
{{#NGO_ID_ERROR}}<p class="field-error" id="rq-ngo-error">{{ERROR}}</p>{{/NGO_ID_ERROR}}
</div>
<div class="form-field form-check">
<input id="rq-consent" name="consent" type="checkbox" value="1"{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#CONSENT_ERROR}} aria-invalid="true" aria-describedby="rq-consent-error"{{/CONSENT_ERROR}}>
<label for="rq-consent">Я даю согласие на обработку моих персональных данных, указанных в заявке, в соответствии с Федеральным законом № 152-ФЗ и <a href="/policy">политикой обработки персональных данных</a>.</label>
{{#CONSENT_ERROR}}<p class="field-error" id="rq-consent-error">{{ERROR}}</p>{{/CONSENT_ERROR}}
</div>
<div class="form-actions"><button type="submit">Отправить заявку</button></div>
</form>{{/FORM}}
</section>
