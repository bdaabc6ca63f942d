{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<form class="filters" action="/events" method="get" aria-label="Фильтры мероприятий">
{{#PAST}}<input type="hidden" name="when" value="{{WHEN_VALUE}}">{{/PAST}}
<div class="field">
<label for="f-centre">Центр</label>
<select id="f-centre" name="centre">
<option value="">Все центры</option>
{{#CENTRE_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/CENTRE_OPTION}}</select>
</div>
<div class="field">
<label for="f-district">Район</label>
<select id="f-district" name="district">
<option value="">Все районы</option>
{{#DISTRICT_OPTION}}<option value="{{OPTION_VALUE}}"{{#OPTION_SELECTED}} selected{{/OPTION_SELECTED}}>{{OPTION_TEXT}}</option>
{{/DISTRICT_OPTION}}</select>
</div>
<div class="field field-actions">
<button type="submit">Показать</button>
<a class="reset" href="/events">Сбросить фильтры</a>
</div>
</form>
<p class="events-switch">{{#UPCOMING}}Показаны предстоящие мероприятия. <a href="{{OTHER_URL}}">Прошедшие мероприятия</a>{{/UPCOMING}}{{#PAST}}Показаны прошедшие мероприятия. <a href="{{OTHER_URL}}">Предстоящие мероприятия</a>{{/PAST}}</p>
<p class="result-count" id="result-count">Найдено: <strong>{{TOTAL}}</strong></p>
{{#EMPTY}}<div class="empty" role="status"><p>По выбранным условиям мероприятий нет. Попробуйте другой центр или район, или <a href="/events">покажите все мероприятия</a>.</p></div>{{/EMPTY}}
<h2 class="visually-hidden">Список мероприятий</h2>
<div class="event-list">
{{#EVENT}}{{>EVENT_CARD}}{{/EVENT}}
</div>
{{>PAGINATION_NAV}}
