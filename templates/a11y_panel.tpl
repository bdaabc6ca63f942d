{{%AUTOESCAPE context="HTML"}}<nav class="a11y-panel" aria-label="Версия для слабовидящих">
<div class="wrap">
<ul class="a11y-panel-list">
<li class="a11y-panel-group"><span class="a11y-panel-label">Шрифт:</span>
{{#FS}}<a class="a11y-panel-fs a11y-panel-fs-{{VALUE}}" href="{{URL}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>А<span class="visually-hidden"> — {{LABEL}} шрифт</span></a>
{{/FS}}</li>
<li class="a11y-panel-group"><span class="a11y-panel-label">Цвета:</span>
{{#CS}}<a class="a11y-swatch a11y-swatch-{{VALUE}}" href="{{URL}}"{{#CURRENT}} aria-current="true"{{/CURRENT}}>Ц<span class="visually-hidden"> — {{LABEL}}</span></a>
{{/CS}}</li>
<li class="a11y-panel-group"><a href="{{IMG_URL}}">{{IMG_TEXT}}</a></li>
<li class="a11y-panel-group"><a href="{{SETTINGS_URL}}">Все настройки</a></li>
<li class="a11y-panel-group"><a href="{{OFF_URL}}">Обычная версия</a></li>
</ul>
</div>
</nav>
