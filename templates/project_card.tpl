{{%AUTOESCAPE context="HTML"}}<article class="project-card{{#AT_RISK}} project-at-risk{{/AT_RISK}}" data-project="{{ID}}">
<h3 class="project-title"><a href="{{URL}}">{{TITLE}}</a></h3>
<p class="project-ngo"><a href="/ngos/{{NGO_ID}}">{{NGO_NAME}}</a> · {{DISTRICT_NAME}}</p>
<ul class="tags">
<li class="tag tag-status-{{STATUS}}">{{STATUS_LABEL}}</li>
<li class="tag">{{FUNDING_LABEL}}</li>
<li class="tag">{{CATEGORY_NAME}}</li>
</ul>
{{#HAS_PERIOD}}<p class="project-period">Грант: {{GRANT_PERIOD}}{{#HAS_AMOUNT}}, {{GRANT_AMOUNT}}{{/HAS_AMOUNT}}</p>{{/HAS_PERIOD}}
{{#AT_RISK}}<div class="risk-box">
<p class="risk-badge">Под риском</p>
<ul class="risk-list">
{{#RISK}}<li data-rule="{{RISK_CODE}}">{{RISK_REASON}} <span class="muted">{{RISK_DETAIL}}</span></li>
{{/RISK}}</ul>
</div>{{/AT_RISK}}
<p class="muted">Последнее обновление: {{LAST_UPDATE}}</p>
</article>
