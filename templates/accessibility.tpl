{{%AUTOESCAPE context="HTML"}}<h1>Версия для слабовидящих</h1>
<p class="lead">Выберите размер и вид шрифта, цвета и интервалы: они будут действовать на всех страницах площадки в этом браузере. Настройки хранятся в файле cookie, JavaScript не нужен.</p>
{{#SAVED}}<p class="notice" role="status">Настройки сохранены и применены ко всем страницам.</p>{{/SAVED}}
<p class="a11y-state">{{#ACTIVE}}Сейчас включена версия для слабовидящих.{{/ACTIVE}}{{#INACTIVE}}Сейчас включена обычная версия сайта.{{/INACTIVE}}</p>
<form class="form a11y-form" action="/accessibility" method="get">
{{#HAS_BACK}}<input type="hidden" name="back" value="{{BACK}}">{{/HAS_BACK}}
<input type="hidden" name="stay" value="1">
{{#OPTION}}<fieldset class="a11y-choices">
<legend>{{LEGEND}}</legend>
{{#CHOICE}}<div class="form-check">
<input type="radio" id="a11y-{{KEY}}-{{VALUE}}" name="{{KEY}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}>
<label for="a11y-{{KEY}}-{{VALUE}}">{{#SWATCH}}<span class="a11y-swatch a11y-swatch-{{VALUE}}" aria-hidden="true">Ц</span> {{/SWATCH}}{{LABEL}}</label>
</div>
{{/CHOICE}}</fieldset>
{{/OPTION}}
<div class="form-actions"><button type="submit">Применить</button></div>
</form>
{{#OFF}}<p><a class="button-link" href="{{OFF_URL}}">Вернуться к обычной версии сайта</a></p>{{/OFF}}
{{#BACK_LINK}}<p><a href="{{BACK}}">Вернуться на страницу, с которой вы пришли</a></p>{{/BACK_LINK}}
<h2>Изображения</h2>
<p>Когда изображения выключены, вместо каждого из них показано его описание, например:</p>
<p class="a11y-sample"><img src="/static/favicon.svg" width="64" height="64" alt="Эмблема площадки: дом и три человека"><span class="img-alt">Эмблема площадки: дом и три человека</span></p>
<h2>Другие способы</h2>
<ul>
<li>Увеличить всё, что на странице: Ctrl и «+» (на Mac — ⌘ и «+»), уменьшить: Ctrl и «−». Страницы площадки остаются удобными при увеличении до 200 % и на экране телефона.</li>
<li>Перейти от ссылки к ссылке и от поля к полю: клавиша Tab; сразу к содержанию страницы — первая ссылка «Перейти к содержанию».</li>
</ul>
