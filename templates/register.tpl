{{%AUTOESCAPE context="HTML"}}<h1>Регистрация</h1>
<p class="lead">Учётная запись нужна, чтобы отправлять заявки на услуги ресурсных центров, следить за ними и вести проекты вашей НКО.</p>
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Форма не отправлена: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
<form class="form" action="/register" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="form-field">
<label for="r-name">Имя и фамилия</label>
<input id="r-name" name="name" type="text" autocomplete="name" maxlength="200" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="r-name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<p class="field-error" id="r-name-error">{{ERROR}}</p>{{/NAME_ERROR}}
</div>
<div class="form-field">
<label for="r-email">Электронная почта</label>
<input id="r-email" name="email" type="email" autocomplete="email" maxlength="254" required value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="r-email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<p class="field-error" id="r-email-error">{{ERROR}}</p>{{/EMAIL_ERROR}}
</div>
<div class="form-field">
<label for="r-phone">Телефон <span class="optional">(необязательно)</span></label>
<input id="r-phone" name="phone" type="tel" autocomplete="tel" maxlength="40" value="{{PHONE}}"{{#PHONE_ERROR}} aria-invalid="true" aria-describedby="r-phone-error"{{/PHONE_ERROR}}>
{{#PHONE_ERROR}}<p class="field-error" id="r-phone-error">{{ERROR}}</p>{{/PHONE_ERROR}}
</div>
<div class="form-field">
<label for="r-inn">ИНН вашей НКО <span class="optional">(необязательно)</span></label>
<input id="r-inn" name="ngo_inn" type="text" inputmode="numeric" maxlength="12" value="{{NGO_INN}}" aria-describedby="r-inn-hint{{#NGO_INN_ERROR}} r-inn-error{{/NGO_INN_ERROR}}"{{#NGO_INN_ERROR}} aria-invalid="true"{{/NGO_INN_ERROR}}>
<p class="hint" id="r-inn-hint">Если вы представляете организацию из <a href="/ngos">реестра НКО</a>, укажите её ИНН.</p>
{{#NGO_INN_ERROR}}<p class="field-error" id="r-inn-error">{{ERROR}}</p>{{/NGO_INN_ERROR}}
</div>
<div class="form-field">
<label for="r-password">Пароль</label>
<input id="r-password" name="password" type="password" autocomplete="new-password" required aria-describedby="r-password-hint{{#PASSWORD_ERROR}} r-password-error{{/PASSWORD_ERROR}}"{{#PASSWORD_ERROR}} aria-invalid="true"{{/PASSWORD_ERROR}}>
<p class="hint" id="r-password-hint">Не короче 10 символов.</p>
{{#PASSWORD_ERROR}}<p class="field-error" id="r-password-error">{{ERROR}}</p>{{/PASSWORD_ERROR}}
</div>
<div class="form-field">
<label for="r-password2">Пароль ещё раз</label>
<input id="r-password2" name="password2" type="password" autocomplete="new-password" required{{#PASSWORD2_ERROR}} aria-invalid="true" aria-describedby="r-password2-error"{{/PASSWORD2_ERROR}}>
{{#PASSWORD2_ERROR}}<p class="field-error" id="r-password2-error">{{ERROR}}</p>{{/PASSWORD2_ERROR}}
</div>
<div class="form-field form-check">
<input id="r-consent" name="consent" type="checkbox" value="1"{{#CONSENT_CHECKED}} checked{{/CONSENT_CHECKED}}{{#CONSENT_ERROR}} aria-invalid="true" aria-describedby="r-consent-error"{{/CONSENT_ERROR}}>
<label for="r-consent">Я даю согласие на обработку моих персональных данных в соответствии с Федеральным законом № 152-ФЗ и <a href="/policy">политикой обработки персональных данных</a>.</label>
{{#CONSENT_ERROR}}<p class="field-error" id="r-consent-error">{{ERROR}}</p>{{/CONSENT_ERROR}}
</div>
<div class="form-actions"><button type="submit">Зарегистрироваться</button></div>
</form>
<p>Уже есть учётная запись? <a href="/login">Войдите</a>.</p>
