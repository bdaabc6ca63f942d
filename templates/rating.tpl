{{%AUTOESCAPE context="HTML"}}<section class="rating" id="rating" aria-labelledby="rating-title">
<h2 id="rating-title">Оценка услуги</h2>
{{#NOT_DONE}}<p class="muted" id="rating-later">Оценить услугу можно будет, когда центр отметит заявку выполненной.</p>{{/NOT_DONE}}
{{#OWN_CENTRE}}<p id="rating-own-centre">Заявку выполнил ваш центр: сотрудники не оценивают услуги своего центра.</p>{{/OWN_CENTRE}}
{{#NO_STANDARD}}<p id="rating-no-standard">Стандарт качества ещё не утверждён, поэтому оценить услугу пока нельзя.</p>{{/NO_STANDARD}}
{{#GIVEN}}{{#THANKS}}<p class="notice" role="status" id="notice">Спасибо! Ваша оценка сохранена.</p>{{/THANKS}}
<p>Вы оценили услугу {{GIVEN_AT}}. Общая оценка — <strong id="rating-overall">{{OVERALL}}</strong> из 5.</p>
<dl class="facts" id="rating-scores">
{{#SCORE}}<dt>{{CRITERION_NAME}}</dt><dd>{{SCORE_VALUE}} из 5</dd>
{{/SCORE}}</dl>
{{#HAS_COMMENT}}<h3>Ваш отзыв</h3>
<p class="description">{{COMMENT}}</p>
<p class="comment-status" id="comment-status">{{COMMENT_STATUS_LABEL}}{{#PENDING}}: отзыв появится на странице услуги после проверки модератором.{{/PENDING}}</p>{{/HAS_COMMENT}}{{/GIVEN}}
{{#FORM}}<p>Заявка выполнена. Оцените, как центр оказал услугу, по каждому критерию <a href="/quality#standard">единого стандарта качества</a>: от 1 (очень плохо) до 5 (отлично). Оценить заявку можно один раз.</p>
{{#RATING_ERRORS}}<div class="form-errors" role="alert" id="form-errors"><p>Оценка не сохранена: исправьте отмеченное ({{ERROR_COUNT}}).</p></div>{{/RATING_ERRORS}}
{{#STANDARD_ERROR}}<p class="field-error" id="rt-standard-error">{{ERROR}}</p>{{/STANDARD_ERROR}}
<form class="form rating-form" action="/account/requests/{{REQUEST_ID}}/rating#rating" method="post" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="standard" value="{{STANDARD_ID}}">
{{#CRITERION}}<fieldset class="form-field rating-scale" aria-describedby="rt-{{CRITERION_ID}}-hint{{#SCORE_ERROR}} rt-{{CRITERION_ID}}-error{{/SCORE_ERROR}}">
<legend>{{NAME}}</legend>
<p class="hint" id="rt-{{CRITERION_ID}}-hint">{{DESCRIPTION}}</p>
{{#SCORE_ERROR}}<p class="field-error" id="rt-{{CRITERION_ID}}-error">{{ERROR}}</p>{{/SCORE_ERROR}}
<div class="rating-options">
{{#SCORE_OPTION}}<div class="form-check"><input type="radio" id="rt-{{CRITERION_ID}}-{{OPTION_VALUE}}" name="score_{{CRITERION_ID}}" value="{{OPTION_VALUE}}" required{{#OPTION_CHECKED}} checked{{/OPTION_CHECKED}}{{#SCORE_ERROR}} aria-invalid="true"{{/SCORE_ERROR}}><label for="rt-{{CRITERION_ID}}-{{OPTION_VALUE}}">{{OPTION_TEXT}}</label></div>
{{/SCORE_OPTION}}</div>
</fieldset>
{{/CRITERION}}<div class="form-field">
<label for="rt-comment">Отзыв <span class="optional">(необязательно)</span></label>
<textarea id="rt-comment" name="comment" rows="5" maxlength="{{COMMENT_MAX}}" aria-describedby="rt-comment-hint{{#COMMENT_ERROR}} rt-comment-error{{/COMMENT_ERROR}}"{{#COMMENT_ERROR}} aria-invalid="true"{{/COMMENT_ERROR}}>{{COMMENT}}</textarea>
<p class="hint" id="rt-comment-hint">Что получилось хорошо и что можно улучшить — не больше {{COMMENT_MAX}} символов. Отзыв появится на странице услуги после проверки модератором; ваше имя не публикуется.</p>
{{#COMMENT_ERROR}}<p class="field-error" id="rt-comment-error">{{ERROR}}</p>{{/COMMENT_ERROR}}
</div>
<div class="form-actions"><button type="submit">Отправить оценку</button></div>
</form>{{/FORM}}
</section>
