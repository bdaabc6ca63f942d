{{%AUTOESCAPE context="HTML"}}<h1>Вход</h1>
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Войти не удалось: смотрите пояснения у полей.</p></div>{{/FORM_ERRORS}}
<form class="form" action="/login" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="form-field">
<label for="l-email">Электронная почта</label>
<input id="l-email" name="email" type="email" autocomplete="username" maxlength="254" required value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="l-email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<p class="field-error" id="l-email-error">{{ERROR}}</p>{{/EMAIL_ERROR}}
</div>
<div class="form-field">
<label for="l-password">Пароль</label>
<input id="l-password" name="password" type="password" autocomplete="current-password" required{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="l-password-error"{{/PASSWORD_ERROR}}>
{{#PASSWORD_ERROR}}<p class="field-error" id="l-password-error">{{ERROR}}</p>{{/PASSWORD_ERROR}}
</div>
<div class="form-actions"><button type="submit">Войти</button></div>
</form>
<p>Нет учётной записи? <a href="/register">Зарегистрируйтесь</a>.</p>
