using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.Functions.OpenApi;

/// <summary>One HTTP function as the build indexes it: its name, method and route template.</summary>
/// <param name="FunctionName">The <c>[Function]</c> name.</param>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Route">The <c>[HttpTrigger]</c> route, without <c>api/</c>.</param>
internal sealed record ApiRoute(string FunctionName, string Method, string Route)
{
    /// <summary>The OpenAPI path: <c>/</c> and the route, a catch-all <c>{*path}</c> written as <c>{path}</c>.</summary>
    public string Path => "/" + Route.Replace("{*", "{", StringComparison.Ordinal);

    /// <summary>
    /// Every HTTP function in <paramref name="assembly"/>, read from the same attributes the Worker SDK reads when it
    /// writes <c>functions.metadata</c>, so the document cannot list a route the app does not serve or miss one it does.
    /// </summary>
    public static IReadOnlyList<ApiRoute> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var routes = new List<ApiRoute>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (function is null || trigger is null)
            {
                continue;
            }

            foreach (var verb in trigger.Methods ?? [])
            {
                routes.Add(new ApiRoute(function.Name, verb.ToUpperInvariant(), (trigger.Route ?? function.Name).Trim('/')));
            }
        }

        return [.. routes.OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)];
    }
}
