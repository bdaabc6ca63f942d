{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<h1>{{TITLE}}</h1>
<p><a class="button-link" href="{{NEW_URL}}">Добавить мероприятие</a></p>
<p class="result-count">Всего мероприятий: <strong>{{TOTAL}}</strong>, включая черновики и отменённые.</p>
{{#EMPTY}}<p class="empty">У центра пока нет мероприятий. Добавьте первое: оно сохранится черновиком, а после публикации появится в разделе «Мероприятия».</p>{{/EMPTY}}
<table class="registry staff-table">
<thead><tr><th scope="col">Мероприятие</th><th scope="col">Начало (местное время)</th><th scope="col">Состояние</th><th scope="col">На сайте</th></tr></thead>
<tbody>
{{#EVENT}}<tr><td><a href="/staff/events/{{ID}}">{{TITLE}}</a></td><td>{{STARTS_AT}}</td><td>{{STATUS}}</td><td>{{#PUBLIC}}<a href="/events/{{ID}}">открыть</a>{{/PUBLIC}}</td></tr>
{{/EVENT}}</tbody>
</table>
