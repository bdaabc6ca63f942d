{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<h1>{{TITLE}}</h1>
<p class="lead">Районы края, куда очно не доходят услуги вашего центра, по видам поддержки. Район отмечен, если там нет очных услуг этого вида и у других центров — такие пробелы важнее всего закрыть.</p>
<p>Район считается охваченным, если он указан у действующей услуги центра в формате «очно» или «очно и онлайн». Онлайн-услуги доступны во всех районах. Как охвачен весь край — на странице <a href="/coverage">«Охват районов»</a>.</p>
{{#NO_SERVICES}}<p class="empty">У центра нет действующих услуг. Добавьте услуги в разделе «Услуги».</p>{{/NO_SERVICES}}
<section aria-labelledby="missed-title">
<h2 id="missed-title">Районы без очных услуг центра: {{MISSED}}</h2>
{{#OVERALL}}<ul class="district-list gap-list" id="missed-all">
{{#GAP_DISTRICT}}<li>{{DISTRICT_NAME}}{{#NOBODY}} <strong class="gap-label">— нет очных услуг ни у одного центра</strong>{{/NOBODY}}</li>
{{/GAP_DISTRICT}}</ul>{{/OVERALL}}
</section>
{{#GROUP}}<section class="coverage-group" id="group-{{GROUP_SLUG}}" aria-labelledby="group-{{GROUP_SLUG}}-title">
<h2 id="group-{{GROUP_SLUG}}-title">{{GROUP_NAME}}</h2>
<p>Действующих услуг центра этого вида: {{SERVICES}}.{{#HAS_ONLINE}} Из них онлайн — {{ONLINE_SERVICES}}: они доступны во всех районах.{{/HAS_ONLINE}}</p>
{{#NO_IN_PERSON}}<p>Очных услуг этого вида у центра нет: очно они не доходят ни до одного района.</p>{{/NO_IN_PERSON}}
{{#ALL_REACHED}}<p>Очные услуги этого вида доходят до всех районов края.</p>{{/ALL_REACHED}}
<ul class="district-list gap-list">
{{#GAP_DISTRICT}}<li>{{DISTRICT_NAME}}{{#NOBODY}} <strong class="gap-label">— нет очных услуг ни у одного центра</strong>{{/NOBODY}}</li>
{{/GAP_DISTRICT}}</ul>
</section>
{{/GROUP}}
