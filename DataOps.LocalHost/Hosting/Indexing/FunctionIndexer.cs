using System.Reflection;
using DataOps.LocalHost.Hosting.Timers;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>
/// Finds the isolated worker's <see cref="FunctionAttribute"/> methods, reads their trigger attributes as the Functions
/// SDK does, and checks each function is well formed, failing start-up with a clear message otherwise.
/// </summary>
internal static class FunctionIndexer
{
    public static IReadOnlyList<IndexedFunction> Index(IEnumerable<Type> types, IConfiguration configuration)
    {
        var functions = new List<IndexedFunction>();
        var names = new Dictionary<string, MethodInfo>(StringComparer.OrdinalIgnoreCase);
        var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in types.Distinct())
        {
            foreach (var method in type.GetMethods(flags))
            {
                var attribute = method.GetCustomAttribute<FunctionAttribute>();
                if (attribute is null)
                {
                    continue;
                }

                var function = IndexMethod(type, method, attribute.Name, configuration);
                if (names.TryGetValue(function.Name, out var existing))
                {
                    throw new FunctionIndexingException(
                        $"Function '{function.Name}' is declared twice: {Describe(existing)} and {Describe(method)}.");
                }

                names.Add(function.Name, method);
                functions.Add(function);
            }
        }

        CheckRouteConflicts(functions);
        return functions;
    }

    private static IndexedFunction IndexMethod(Type type, MethodInfo method, string name, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new FunctionIndexingException($"{Describe(method)}: [Function] needs a non-empty name.");
        }

        if (!method.IsStatic && (type.IsAbstract || type.IsGenericTypeDefinition))
        {
            throw new FunctionIndexingException($"Function '{name}': class '{type.FullName}' must be a concrete, non-generic class.");
        }

        var triggers = method.GetParameters()
            .SelectMany(p => p.GetCustomAttributes().Where(IsTrigger).Select(a => (Parameter: p, Attribute: a)))
            .ToList();
        if (triggers.Count == 0)
        {
            throw new FunctionIndexingException(
                $"Function '{name}' has no trigger: put [HttpTrigger], [QueueTrigger], [TimerTrigger], [OrchestrationTrigger] or [ActivityTrigger] on one parameter.");
        }

        if (triggers.Count > 1)
        {
            throw new FunctionIndexingException(
                $"Function '{name}' has more than one trigger (parameters {string.Join(", ", triggers.Select(t => $"'{t.Parameter.Name}'"))}); a function has exactly one.");
        }

        var trigger = CreateTrigger(name, triggers[0].Parameter, triggers[0].Attribute, configuration);
        var binders = method.GetParameters().Select(p => ParameterBinders.Create(name, p, trigger)).ToList();
        return new IndexedFunction(name, type, method, trigger, binders, IsDisabled(name, configuration));
    }

    /// <summary>The Azure Functions setting <c>AzureWebJobs.{name}.Disabled</c>: <c>true</c> or <c>1</c> disables the function.</summary>
    public static string DisabledSetting(string name) => $"AzureWebJobs.{name}.Disabled";

    private static bool IsDisabled(string name, IConfiguration configuration)
    {
        var value = configuration[DisabledSetting(name)]?.Trim();
        return value is not null && (value == "1" || (bool.TryParse(value, out var disabled) && disabled));
    }

    private static bool IsTrigger(Attribute a) => a is TriggerBindingAttribute;

    private static FunctionTrigger CreateTrigger(string name, ParameterInfo parameter, Attribute attribute, IConfiguration configuration)
    {
        switch (attribute)
        {
            case HttpTriggerAttribute http:
                if (http.AuthLevel is not (AuthorizationLevel.Anonymous or AuthorizationLevel.Function or AuthorizationLevel.Admin or AuthorizationLevel.System))
                {
                    throw new FunctionIndexingException($"Function '{name}': authorization level {http.AuthLevel} is not supported; use Anonymous, Function, System or Admin.");
                }

                var route = (http.Route ?? name).Trim('/');
                try
                {
                    RoutePatternFactory.Parse(route);
                }
                catch (RoutePatternException ex)
                {
                    throw new FunctionIndexingException($"Function '{name}': route '{http.Route}' is not a valid route template: {ex.Message}", ex);
                }

                return new HttpTriggerDefinition(route, [.. (http.Methods ?? []).Select(m => m.ToUpperInvariant())], http.AuthLevel);
            case QueueTriggerAttribute queue:
                var queueName = SettingResolver.Resolve(queue.QueueName, configuration, name, $"queue name of parameter '{parameter.Name}'");
                QueueNames.Validate(name, queueName);
                return new QueueTriggerDefinition(queueName, queue.Connection ?? "AzureWebJobsStorage");
            case TimerTriggerAttribute timer:
                var expression = SettingResolver.Resolve(timer.Schedule, configuration, name, $"schedule of parameter '{parameter.Name}'");
                if (!TimerSchedule.TryParse(expression, out var schedule, out var error))
                {
                    throw new FunctionIndexingException($"Function '{name}', parameter '{parameter.Name}': schedule '{expression}' is not a valid six-field cron expression: {error}");
                }

                if (schedule.GetNextOccurrence(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc) is null)
                {
                    throw new FunctionIndexingException($"Function '{name}', parameter '{parameter.Name}': schedule '{expression}' never fires (no matching date).");
                }

                return new TimerTriggerDefinition(schedule, timer.RunOnStartup, timer.UseMonitor);
            case OrchestrationTriggerAttribute orchestration:
                return new DurableTriggerDefinition(DurableTaskKind.Orchestration, string.IsNullOrEmpty(orchestration.Orchestration) ? name : orchestration.Orchestration);
            case ActivityTriggerAttribute activity:
                return new DurableTriggerDefinition(DurableTaskKind.Activity, string.IsNullOrEmpty(activity.Activity) ? name : activity.Activity);
            default:
                throw new FunctionIndexingException($"Function '{name}': unsupported trigger {attribute.GetType().Name}.");
        }
    }

    private static void CheckRouteConflicts(List<IndexedFunction> functions)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in functions)
        {
            if (function.Trigger is not HttpTriggerDefinition http)
            {
                continue;
            }

            var methods = http.Methods.Count == 0 ? ["*"] : http.Methods;
            foreach (var method in methods)
            {
                var key = method + " " + http.Route;
                if (!seen.TryAdd(key, function.Name))
                {
                    throw new FunctionIndexingException(
                        $"Functions '{seen[key]}' and '{function.Name}' both serve {method} '{http.Route}'.");
                }
            }
        }
    }

    internal static string Describe(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";
}
