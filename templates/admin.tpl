{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="lead">Раздел модератора министерства: журнал изменений и работа с данными любого ресурсного центра.</p>
<ul class="account-links">
<li><a href="/admin/audit">Журнал изменений</a> — кто, что и когда менял в кабинетах центров и в модерации.</li>
<li><a href="/staff/centre">Профили центров</a></li>
<li><a href="/staff/services">Услуги центров</a></li>
<li><a href="/staff/news">Новости центров</a></li>
<li><a href="/staff/events">Мероприятия центров</a></li>
<li><a href="/staff/users">Учётные записи сотрудников</a></li>
<li><a href="/admin/quality">Стандарт качества</a> — версии стандарта и их критерии.</li>
<li><a href="/admin/feedback">Отзывы об услугах</a> — проверка отзывов перед публикацией.</li>
<li><a href="/staff/coverage">Охват районов по центрам</a></li>
</ul>
