// Starts Swagger UI on the API's own description; a file, not an inline script, so the page's policy allows only its own scripts.
window.addEventListener('load', () => {
  window.ui = window.SwaggerUIBundle({
    url: new URL('../openapi.json', window.location.href).toString(),
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
  });
});
