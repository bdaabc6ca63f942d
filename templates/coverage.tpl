{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="lead">Сколько действующих услуг ресурсных центров доступно в каждом районе края — очно и онлайн. Пробел — район, куда услуги этого вида очно не доходят.</p>
<p>Услуга доступна в районе, если центр указал этот район в её описании. Очно — услуги в формате «очно» и «очно и онлайн», онлайн — «онлайн» и «очно и онлайн», поэтому услуга в смешанном формате считается в обоих числах. Подвиды поддержки учтены в своём разделе. Центр видит районы, которые не охватывают его услуги, в кабинете центра.</p>

<section id="map" aria-labelledby="map-title">
<h2 id="map-title">Схема районов</h2>
<p>Клетка — район, север сверху. Чем темнее клетка, тем больше услуг доступно очно; пунктирная рамка — очных услуг нет. Сейчас на схеме: <strong>{{CHOSEN_NAME}}</strong>.</p>
<nav aria-label="Вид поддержки на схеме">
<ul class="tags">
{{#CHOICE}}<li>{{#CHOICE_CURRENT}}<span class="tag" aria-current="true">{{CHOICE_NAME}}</span>{{/CHOICE_CURRENT}}{{#CHOICE_OTHER}}<a class="tag" href="{{CHOICE_URL}}#map">{{CHOICE_NAME}}</a>{{/CHOICE_OTHER}}</li>
{{/CHOICE}}</ul>
</nav>
<figure class="chart">
<img class="chart-image" src="{{MAP_URL}}" alt="Схема районов края: сколько услуг ({{CHOSEN_NAME}}) доступно в каждом районе очно и онлайн. Все числа — в таблице «Охват районов» ниже.">
<span class="img-alt">Схема районов края: сколько услуг ({{CHOSEN_NAME}}) доступно в каждом районе очно и онлайн. Все числа — в таблице «Охват районов» ниже.</span>
</figure>
</section>

<section id="table" aria-labelledby="table-title">
<h2 id="table-title">Таблица охвата</h2>
<p>В клетке — число услуг очно и онлайн. «Нет услуг» — услуг этого вида в районе нет совсем, «только онлайн» — нет очных.</p>
<div class="table-scroll">
<table class="data-table coverage-table" id="coverage-table">
<caption>Охват районов: услуги очно и онлайн по видам поддержки</caption>
<thead><tr><th scope="col">Район</th>{{#GROUP}}<th scope="col">{{GROUP_NAME}}</th>{{/GROUP}}<th scope="col">Всего очно</th><th scope="col">Всего онлайн</th></tr></thead>
<tbody>
{{#DISTRICT}}<tr id="district-{{DISTRICT_SLUG}}"><th scope="row"><a href="/services?district={{DISTRICT_SLUG}}">{{DISTRICT_NAME}}</a></th>{{#CELL}}<td class="cov-cell{{#NONE}} gap gap-none{{/NONE}}{{#ONLINE_ONLY}} gap gap-online{{/ONLINE_ONLY}}">{{#NONE}}<strong class="gap-label">нет услуг</strong> {{/NONE}}{{#ONLINE_ONLY}}<strong class="gap-label">только онлайн</strong> {{/ONLINE_ONLY}}<span class="cov-count">очно <span class="cov-in-person">{{IN_PERSON}}</span>, онлайн <span class="cov-online">{{ONLINE}}</span></span></td>{{/CELL}}<td class="cov-total"><span class="cov-in-person">{{TOTAL_IN_PERSON}}</span></td><td class="cov-total"><span class="cov-online">{{TOTAL_ONLINE}}</span></td></tr>
{{/DISTRICT}}</tbody>
</table>
</div>
</section>
<p>Таблица охвата доступна как <a href="/opendata">открытые данные</a>. О качестве услуг — на странице <a href="/quality">«Качество услуг»</a>.</p>
