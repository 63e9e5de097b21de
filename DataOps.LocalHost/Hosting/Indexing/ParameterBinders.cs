using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>
/// Decides at start-up how each parameter is bound, so an unknown binding fails start-up rather than an invocation.
/// The bindings are the isolated worker's: the trigger, <c>[DurableClient]</c>, <see cref="FunctionContext"/>,
/// <see cref="CancellationToken"/>, and trigger metadata by parameter name (route values, queue message properties);
/// an <see cref="ILogger"/> parameter is this host's addition.
/// </summary>
internal static class ParameterBinders
{
    public static Func<InvocationData, object?> Create(string function, ParameterInfo parameter, FunctionTrigger trigger)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name ?? string.Empty;
        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)
        {
            return Require(type == typeof(HttpRequest), function, parameter, "[HttpTrigger] needs a parameter of type HttpRequest",
                d => d.HttpContext!.Request);
        }

        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is not null)
        {
            return QueuePayload.CreateBinder(function, parameter);
        }

        if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is not null)
        {
            return Require(type == typeof(TimerInfo), function, parameter, "[TimerTrigger] needs a parameter of type TimerInfo", d => d.Timer);
        }

        if (parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
        {
            return Require(type == typeof(Microsoft.DurableTask.TaskOrchestrationContext), function, parameter,
                "[OrchestrationTrigger] needs a parameter of type TaskOrchestrationContext", d => d.Orchestration);
        }

        if (parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
        {
            return d => ActivityInput(d.ActivityInput, type);
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return Require(typeof(Microsoft.DurableTask.Client.DurableTaskClient).IsAssignableFrom(type), function, parameter,
                "[DurableClient] needs a parameter of type DurableTaskClient",
                d => d.Context.InstanceServices.GetRequiredService(type));
        }

        if (type == typeof(CancellationToken))
        {
            return d => d.Context.CancellationToken;
        }

        if (type == typeof(FunctionContext))
        {
            return d => d.Context;
        }

        if (type == typeof(ILogger))
        {
            return d => d.Context.Logger;
        }

        return trigger switch
        {
            QueueTriggerDefinition => QueueMetadata(function, parameter, type, name),
            HttpTriggerDefinition http => RouteValue(function, parameter, http, type, name),
            _ => throw Unknown(function, parameter),
        };
    }

    private static Func<InvocationData, object?> QueueMetadata(string function, ParameterInfo parameter, Type type, string name)
    {
        (Type Expected, Func<QueueMessage, object?> Get)? binding = name switch
        {
            "dequeueCount" => (typeof(long), m => type == typeof(int) ? (object)(int)m.DequeueCount : m.DequeueCount),
            "id" => (typeof(string), m => m.MessageId),
            "popReceipt" => (typeof(string), m => m.PopReceipt),
            "insertionTime" => (typeof(DateTimeOffset), m => m.InsertedOn),
            "expirationTime" => (typeof(DateTimeOffset), m => m.ExpiresOn),
            "nextVisibleTime" => (typeof(DateTimeOffset), m => m.NextVisibleOn),
            _ => null,
        };
        if (binding is null)
        {
            throw Unknown(function, parameter);
        }

        var expected = binding.Value.Expected;
        var ok = type == expected || Nullable.GetUnderlyingType(type) == expected || (expected == typeof(long) && type == typeof(int));
        var get = binding.Value.Get;
        return Require(ok, function, parameter, $"queue metadata '{name}' needs type {expected.Name}", d => get(d.QueueMessage!));
    }

    private static Func<InvocationData, object?> RouteValue(string function, ParameterInfo parameter, HttpTriggerDefinition http, Type type, string name)
    {
        var pattern = RoutePatternFactory.Parse(http.Route);
        if (pattern.GetParameter(name) is null)
        {
            throw Unknown(function, parameter);
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target != typeof(string) && !target.IsPrimitive && target != typeof(Guid) && target != typeof(decimal) && target != typeof(DateTimeOffset))
        {
            throw new FunctionIndexingException(
                $"Function '{function}', parameter '{name}': route values bind only to string, numeric, bool, Guid or DateTimeOffset parameters.");
        }

        return d =>
        {
            var raw = d.HttpContext!.Request.RouteValues[name]?.ToString();
            if (raw is null)
            {
                return parameter.HasDefaultValue ? parameter.DefaultValue : null;
            }

            try
            {
                return target == typeof(string) ? raw
                    : target == typeof(Guid) ? Guid.Parse(raw, CultureInfo.InvariantCulture)
                    : target == typeof(DateTimeOffset) ? DateTimeOffset.Parse(raw, CultureInfo.InvariantCulture)
                    : Convert.ChangeType(raw, target, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
            {
                throw new ParameterBindingException($"Route value '{name}' must be a {target.Name}.", ex);
            }
        };
    }

    private static object? ActivityInput(string? json, Type type)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, type, WebJobs.FunctionBridge.Json);
        }
        catch (JsonException ex)
        {
            throw new ParameterBindingException($"The activity input is not a valid {type.Name}: {ex.Message}", ex);
        }
    }

    private static Func<InvocationData, object?> Require(bool ok, string function, ParameterInfo parameter, string rule, Func<InvocationData, object?> binder) =>
        ok ? binder : throw new FunctionIndexingException($"Function '{function}', parameter '{parameter.Name}': {rule}, not {parameter.ParameterType.Name}.");

    private static FunctionIndexingException Unknown(string function, ParameterInfo parameter) => new(
        $"Function '{function}', parameter '{parameter.Name}' of type {parameter.ParameterType.Name}: unknown binding. " +
        "Bind a trigger, [DurableClient], CancellationToken, FunctionContext, ILogger, a route value (HTTP) or queue metadata (queue).");

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}
