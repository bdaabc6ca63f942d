{{%AUTOESCAPE context="HTML"}}<section class="error-page">
<h1>{{TITLE}}</h1>
<p class="error-code">Код ошибки: {{STATUS}}</p>
<p class="error-message">{{MESSAGE}}</p>
{{#NOT_FOUND_HINTS}}<ul class="error-hints">
<li><a href="/services">Каталог услуг</a></li>
<li><a href="/centres">Ресурсные центры</a></li>
<li><a href="/ngos">Реестр НКО</a></li>
</ul>{{/NOT_FOUND_HINTS}}
<p><a href="/">На главную страницу</a></p>
</section>
