{{%AUTOESCAPE context="HTML"}}<section class="hero">
<h1>Единая площадка ресурсных центров для НКО</h1>
<p class="lead">Все ресурсные центры края в одном месте: их услуги для некоммерческих организаций, инициативных групп и граждан — консультации, обучение, помощь с грантами, помещения и информационная поддержка.</p>
<form class="quick-search" action="/services" method="get" role="search">
<label for="home-q">Найти услугу</label>
<div class="search-row">
<input id="home-q" name="q" type="search" maxlength="200" placeholder="например, юридическая консультация">
<button type="submit">Найти</button>
</div>
</form>
<ul class="stats">
<li><strong>{{STAT_CENTRES}}</strong> ресурсных центров</li>
<li><strong>{{STAT_SERVICES}}</strong> услуг в каталоге</li>
<li><strong>{{STAT_NGOS}}</strong> НКО в реестре</li>
<li><strong>{{STAT_DISTRICTS}}</strong> районов и городских округов</li>
</ul>
</section>
<section class="home-centres">
<h2>Ресурсные центры</h2>
<ul class="centre-list">
{{#CENTRE}}<li><a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a> <span class="muted">— {{CENTRE_DISTRICT}}</span></li>
{{/CENTRE}}</ul>
<p><a href="/centres">Все центры и их контакты</a></p>
</section>
<section class="home-services">
<h2>Новые услуги</h2>
<div class="service-list">
{{#SERVICE}}{{>SERVICE_ITEM}}{{/SERVICE}}
</div>
<p><a href="/services">Весь каталог услуг</a></p>
</section>
<section class="home-news">
<h2>Новости центров</h2>
<div class="news-list">
{{#NEWS}}{{>NEWS_CARD}}{{/NEWS}}
</div>
{{#NO_NEWS}}<p class="muted">Новостей пока нет.</p>{{/NO_NEWS}}
<p><a href="/news">Все новости</a></p>
</section>
<section class="home-events">
<h2>Ближайшие мероприятия</h2>
<div class="event-list">
{{#EVENT}}{{>EVENT_CARD}}{{/EVENT}}
</div>
{{#NO_EVENTS}}<p class="muted">Ближайших мероприятий нет.</p>{{/NO_EVENTS}}
<p><a href="/events">Все мероприятия</a></p>
</section>
