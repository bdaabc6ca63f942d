{{%AUTOESCAPE context="HTML"}}<h1>Мои заявки</h1>
<p class="result-count" id="result-count">Всего заявок: <strong>{{TOTAL}}</strong></p>
{{#EMPTY}}<div class="empty" role="status"><p>Вы ещё не отправляли заявок. Найдите нужную услугу в <a href="/services">каталоге</a> и отправьте заявку с её страницы.</p></div>{{/EMPTY}}
<table class="registry requests">
<caption class="visually-hidden">Мои заявки на услуги</caption>
<thead><tr><th scope="col">Заявка</th><th scope="col">Услуга и центр</th><th scope="col">Статус</th><th scope="col">Отправлена</th><th scope="col">Изменена</th></tr></thead>
<tbody>
{{#REQUEST}}<tr><td><a href="/account/requests/{{ID}}">№{{ID}}: {{TOPIC}}</a></td><td><a href="/services/{{SERVICE_ID}}">{{SERVICE_TITLE}}</a> — <a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a></td><td class="status status-{{STATUS}}">{{STATUS_LABEL}}</td><td>{{CREATED_AT}}</td><td>{{UPDATED_AT}}</td></tr>
{{/REQUEST}}</tbody>
</table>
{{#PAGINATION}}<nav class="pagination" aria-label="Страницы списка заявок">
<p class="page-status">Страница {{PAGE_CURRENT_NUMBER}} из {{PAGE_TOTAL}}</p>
<ul>
{{#PREV}}<li><a rel="prev" href="{{PREV_URL}}">← Назад</a></li>{{/PREV}}
{{#PAGE}}{{#PAGE_GAP}}<li class="gap">…</li>{{/PAGE_GAP}}{{#PAGE_CURRENT}}<li><span aria-current="page">{{PAGE_NUMBER}}</span></li>{{/PAGE_CURRENT}}{{#PAGE_OTHER}}<li><a href="{{PAGE_URL}}">{{PAGE_NUMBER}}</a></li>{{/PAGE_OTHER}}
{{/PAGE}}
{{#NEXT}}<li><a rel="next" href="{{NEXT_URL}}">Вперёд →</a></li>{{/NEXT}}
</ul>
</nav>{{/PAGINATION}}
<p><a href="/account">Вернуться в личный кабинет</a></p>
