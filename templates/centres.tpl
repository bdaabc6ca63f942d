{{%AUTOESCAPE context="HTML"}}<h1>Ресурсные центры</h1>
<p class="lead">Ресурсные центры поддерживают некоммерческие организации, инициативные группы и активных граждан края. Центров на площадке: {{TOTAL}}.</p>
<div class="centre-cards">
{{#CENTRE}}<article class="centre-card">
<h2><a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_SHORT_NAME}}</a>{{#CENTRE_DEMO}} <span class="badge-demo">демо</span>{{/CENTRE_DEMO}}</h2>
<p>{{CENTRE_DESCRIPTION}}</p>
<p class="muted">{{CENTRE_DISTRICT}} · {{CENTRE_ADDRESS}} · {{CENTRE_PHONE}}</p>
<p><a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_SERVICE_COUNT}} {{CENTRE_SERVICE_WORD}}</a></p>
</article>
{{/CENTRE}}</div>
