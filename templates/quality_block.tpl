{{%AUTOESCAPE context="HTML"}}<section class="quality-block" id="quality" aria-labelledby="quality-title">
<h2 id="quality-title">Качество {{WHAT}}</h2>
<p>Индекс по <a href="/quality">единому стандарту качества</a> — от 1 до 5, по проверенным оценкам тех, кто получил услугу. Пока оценок меньше {{THRESHOLD}}, индекс не показываем. <a href="/quality#method">Как считается индекс</a></p>
<dl class="facts quality-index">
{{#OVERALL}}<dt>{{NAME}}</dt><dd id="quality-overall">{{>INDEX}}</dd>
{{/OVERALL}}{{#CRITERION}}<dt>{{NAME}}</dt><dd class="quality-criterion">{{>INDEX}}</dd>
{{/CRITERION}}</dl>
{{#COMMENTS}}<h3>Отзывы получателей</h3>
<p class="muted">Отзывы публикуются после проверки модератором.</p>
{{#NO_COMMENTS}}<p class="muted" id="no-comments">Опубликованных отзывов пока нет.</p>{{/NO_COMMENTS}}
<ul class="feedback-comments">
{{#COMMENT}}<li id="comment-{{COMMENT_ID}}"><p class="description">{{COMMENT_TEXT}}</p><p class="muted">{{COMMENT_DATE}} · общая оценка {{COMMENT_OVERALL}}</p></li>
{{/COMMENT}}</ul>{{/COMMENTS}}
</section>
