{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">Учётная запись создана. Передайте сотруднику адрес и начальный пароль.</p>{{/NOTICE}}
<table class="registry staff-table">
<thead><tr><th scope="col">Имя</th><th scope="col">Электронная почта</th><th scope="col">Роль</th><th scope="col">Создана</th></tr></thead>
<tbody>
{{#USER}}<tr><td>{{NAME}}{{#INACTIVE}} <span class="muted">(отключена)</span>{{/INACTIVE}}</td><td>{{EMAIL}}</td><td>{{ROLE}}</td><td>{{CREATED_AT}}</td></tr>
{{/USER}}</tbody>
</table>
<h2>Новая учётная запись</h2>
{{#MODERATOR_HINT}}<p class="hint">Модератор может создать сотрудника или администратора этого центра, а также модератора министерства (он не привязан к центру).</p>{{/MODERATOR_HINT}}
{{#FORM_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Учётная запись не создана: исправьте отмеченные поля ({{ERROR_COUNT}}).</p></div>{{/FORM_ERRORS}}
<form class="form" action="/staff/users" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="centre" value="{{CENTRE_SLUG}}">
<div class="form-field">
<label for="u-name">Имя и фамилия</label>
<input id="u-name" name="name" type="text" maxlength="200" required value="{{NAME}}"{{#NAME_ERROR}} aria-invalid="true" aria-describedby="u-name-error"{{/NAME_ERROR}}>
{{#NAME_ERROR}}<p class="field-error" id="u-name-error">{{ERROR}}</p>{{/NAME_ERROR}}
</div>
<div class="form-field">
<label for="u-email">Электронная почта (логин)</label>
<input id="u-email" name="email" type="email" maxlength="254" required value="{{EMAIL}}"{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="u-email-error"{{/EMAIL_ERROR}}>
{{#EMAIL_ERROR}}<p class="field-error" id="u-email-error">{{ERROR}}</p>{{/EMAIL_ERROR}}
</div>
<div class="form-field">
<label for="u-password">Начальный пароль</label>
<input id="u-password" name="password" type="password" autocomplete="new-password" required aria-describedby="u-password-hint{{#PASSWORD_ERROR}} u-password-error{{/PASSWORD_ERROR}}"{{#PASSWORD_ERROR}} aria-invalid="true"{{/PASSWORD_ERROR}}>
<p class="hint" id="u-password-hint">Не короче 10 символов.</p>
{{#PASSWORD_ERROR}}<p class="field-error" id="u-password-error">{{ERROR}}</p>{{/PASSWORD_ERROR}}
</div>
<div class="form-field">
<label for="u-role">Роль</label>
<select id="u-role" name="role" required{{#ROLE_ERROR}} aria-invalid="true" aria-describedby="u-role-error"{{/ROLE_ERROR}}>
{{#ROLE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/ROLE_OPTION}}</select>
{{#ROLE_ERROR}}<p class="field-error" id="u-role-error">{{ERROR}}</p>{{/ROLE_ERROR}}
</div>
<div class="form-actions"><button type="submit">Создать учётную запись</button></div>
</form>
