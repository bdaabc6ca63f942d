{{%AUTOESCAPE context="HTML"}}{{>STAFF_NAV}}
<h1>{{TITLE}}</h1>
<p class="lead">Проекты, которые центр поддерживает. Проект попадает «под риск», если грант заканчивается через 60 дней или раньше, а плана продолжения нет; если о реализуемом проекте нет новостей 90 дней; если грант закончился, а состояние проекта не меняется 60 дней. Когда проект впервые попадает под риск по какому-то правилу, сотрудники центра получают письмо.</p>
<p class="result-count">Всего проектов: <strong>{{TOTAL}}</strong>, под риском: <strong>{{RISK_TOTAL}}</strong></p>
<h2>Под риском</h2>
{{#NO_RISK}}<p class="empty">Сейчас ни один проект центра не под риском.</p>{{/NO_RISK}}
{{#HAS_RISK}}<div class="project-list">
{{#PROJECT}}{{>PROJECT_CARD}}{{/PROJECT}}
</div>{{/HAS_RISK}}
{{#HAS_OTHERS}}<h2>Остальные проекты</h2>
<table class="registry staff-table">
<thead><tr><th scope="col">Проект</th><th scope="col">Организация</th><th scope="col">Состояние</th><th scope="col">Последнее обновление</th></tr></thead>
<tbody>
{{#OTHER}}<tr><td><a href="/staff/projects/{{ID}}">{{TITLE}}</a></td><td>{{NGO_NAME}}</td><td>{{STATUS_LABEL}}</td><td>{{LAST_UPDATE}}</td></tr>
{{/OTHER}}</tbody>
</table>{{/HAS_OTHERS}}
