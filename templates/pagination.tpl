{{%AUTOESCAPE context="HTML"}}{{#PAGINATION}}<nav class="pagination" aria-label="Страницы списка">
<p class="page-status">Страница {{PAGE_CURRENT_NUMBER}} из {{PAGE_TOTAL}}</p>
<ul>
{{#PREV}}<li><a rel="prev" href="{{PREV_URL}}">← Назад</a></li>{{/PREV}}
{{#PAGE}}{{#PAGE_GAP}}<li class="gap">…</li>{{/PAGE_GAP}}{{#PAGE_CURRENT}}<li><span aria-current="page">{{PAGE_NUMBER}}</span></li>{{/PAGE_CURRENT}}{{#PAGE_OTHER}}<li><a href="{{PAGE_URL}}">{{PAGE_NUMBER}}</a></li>{{/PAGE_OTHER}}
{{/PAGE}}
{{#NEXT}}<li><a rel="next" href="{{NEXT_URL}}">Вперёд →</a></li>{{/NEXT}}
</ul>
</nav>{{/PAGINATION}}
