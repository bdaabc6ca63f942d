{{%AUTOESCAPE context="HTML"}}<section class="project-timeline" aria-labelledby="timeline-title">
<h2 id="timeline-title">Хроника проекта</h2>
<ol class="timeline">
{{#ENTRY}}<li class="timeline-entry{{#SUPPORT}} timeline-support{{/SUPPORT}}">
<p class="timeline-when">{{AT}}</p>
{{#UPDATE}}<p class="timeline-what">Новости проекта{{#STATUS_CHANGE}}: состояние изменилось с «{{STATUS_FROM}}» на «{{STATUS_TO}}»{{/STATUS_CHANGE}}</p>{{/UPDATE}}
{{#SUPPORT}}<p class="timeline-what">Поддержка центра «{{CENTRE_NAME}}»: {{SUPPORT_KIND}}</p>{{/SUPPORT}}
{{#HAS_TEXT}}<p class="timeline-text">{{TEXT}}</p>{{/HAS_TEXT}}
</li>
{{/ENTRY}}<li class="timeline-entry">
<p class="timeline-when">{{CREATED_AT}}</p>
<p class="timeline-what">Проект зарегистрирован на площадке</p>
</li>
</ol>
</section>
