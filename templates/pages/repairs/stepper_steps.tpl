{{%AUTOESCAPE context="HTML"}}
{{#STEP}}<li class="step{{#DONE}} is-done{{/DONE}}{{#CURRENT}} is-current{{/CURRENT}}"{{#CURRENT}} aria-current="step"{{/CURRENT}}>{{NAME}}</li>{{/STEP}}
