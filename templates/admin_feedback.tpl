{{%AUTOESCAPE context="HTML"}}<nav class="breadcrumbs" aria-label="Путь"><a href="/admin/">Модерация</a> › {{TITLE}}</nav>
<h1>{{TITLE}}</h1>
<p class="lead">Отзывы к оценкам услуг. Отзыв появляется на странице услуги только после того, как модератор его опубликует; сами оценки учитываются в индексе качества сразу.</p>
<nav aria-label="Отзывы по состоянию">
<ul class="tags">
{{#TAB}}<li><a class="tag" href="{{TAB_URL}}"{{#TAB_CURRENT}} aria-current="page"{{/TAB_CURRENT}}>{{TAB_TEXT}}: <span class="count" id="count-{{TAB_STATUS}}">{{TAB_COUNT}}</span></a></li>
{{/TAB}}</ul>
</nav>
<h2>{{STATUS_LABEL}}</h2>
{{#EMPTY}}<p class="empty">Здесь отзывов нет.</p>{{/EMPTY}}
<ol class="audit-log feedback-list">
{{#ITEM}}<li class="audit-entry" id="feedback-{{ID}}">
<p><a href="/services/{{SERVICE_ID}}">{{SERVICE_TITLE}}</a> · <a href="/centres/{{CENTRE_SLUG}}">{{CENTRE_NAME}}</a> · {{CREATED_AT}} · общая оценка {{OVERALL}}</p>
<blockquote class="description">{{COMMENT}}</blockquote>
<p class="muted">{{STATUS_LABEL}}{{#MODERATED}} — {{MODERATED_AT}}, {{MODERATOR}}{{/MODERATED}}</p>
<div class="moderation-actions">
{{#CAN_APPROVE}}<form action="/admin/feedback/{{ID}}/approve" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Опубликовать отзыв<span class="visually-hidden"> №{{ID}}</span></button></form>{{/CAN_APPROVE}}
{{#CAN_REJECT}}<form action="/admin/feedback/{{ID}}/reject" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Отклонить отзыв<span class="visually-hidden"> №{{ID}}</span></button></form>{{/CAN_REJECT}}
</div>
</li>
{{/ITEM}}</ol>
{{>PAGINATION_NAV}}
