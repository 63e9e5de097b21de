using DataOps.Functions.Access;
using DataOps.LocalHost.Hosting.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Microsoft.Azure.WebJobs.Host.Config;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// The Durable Functions HTTP management API under <c>/runtime/webhooks/durabletask</c>: requests go to the Durable
/// extension's own webhook handler, as the Functions host routes them. The Functions host guards the route with the
/// extension's system key; this host accepts any function key (<c>AuthorizationLevel.Function</c>).
/// </summary>
internal static class ManagementApi
{
    public static void Map(WebApplication app)
    {
        if (app.Services.GetServices<IExtensionConfigProvider>().OfType<DurableTaskExtension>().SingleOrDefault()
            is not IAsyncConverter<HttpRequestMessage, HttpResponseMessage> handler)
        {
            return;
        }

        app.Map(LocalWebHookProvider.DurableTaskPath + "/{**path}", async http =>
        {
            if (!http.RequestServices.GetRequiredService<FunctionKeyAuthorizer>().IsAuthorized(http.Request, AuthorizationLevel.Function))
            {
                await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized",
                    $"The management API needs a valid key in the '{FunctionKeyCheck.HeaderName}' header or the '{FunctionKeyCheck.QueryName}' query parameter.");
                return;
            }

            if (await RequestGuards.RejectOversizedBodyAsync(http))
            {
                return;
            }

            using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), http.Request.GetEncodedUrl());
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                var body = new MemoryStream();
                await http.Request.Body.CopyToAsync(body, http.RequestAborted);
                body.Position = 0;
                request.Content = new StreamContent(body);
                if (http.Request.ContentType is { } contentType)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            foreach (var header in http.Request.Headers.Where(h => !h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
            }

            using var response = await handler.ConvertAsync(request, http.RequestAborted);
            http.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    http.Response.Headers[header.Key] = header.Value.ToArray();
                }
            }

            if (response.Content is not null)
            {
                await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
            }
        });
    }
}
