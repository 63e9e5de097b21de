using System.Reflection;
using System.Reflection.Emit;
using Azure.Storage.Queues.Models;
using DataOps.LocalHost.Hosting.Indexing;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.DurableTask;
using Newtonsoft.Json.Linq;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// Writes the app's orchestration, activity and queue functions as WebJobs functions (a class generated at start-up,
/// as the Functions host generates one for an out-of-process worker's functions), so the Durable Functions and Storage
/// Queues extensions bind and run their triggers. Each method only passes the trigger value to
/// <see cref="WebJobsFunctionSet"/>; what it means to the app is the <see cref="FunctionBridge"/>'s business.
/// </summary>
internal static class FunctionSetEmitter
{
    /// <summary>The WebJobs function whose <c>[DurableClient]</c> payload the host reads once at start.</summary>
    public const string DurableClientFunction = "LocalHostDurableClient";

    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static Type Emit(IEnumerable<IndexedFunction> functions)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("DataOps.LocalHost.WebJobsFunctions"), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("Functions").DefineType(
            "WebJobsFunctions", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(WebJobsFunctionSet));
        var ctor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(IServiceProvider)]);
        ctor.DefineParameter(1, ParameterAttributes.None, "services");
        var il = ctor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, typeof(WebJobsFunctionSet).GetConstructors(Members).Single());
        il.Emit(OpCodes.Ret);

        foreach (var function in functions.Where(f => !f.Disabled))
        {
            switch (function.Trigger)
            {
                case DurableTriggerDefinition { Kind: DurableTaskKind.Orchestration } orchestration:
                    Define(type, function.Name, typeof(string), "RunOrchestration",
                        [(typeof(string), "request", Attribute<OrchestrationTriggerAttribute>(nameof(OrchestrationTriggerAttribute.Orchestration), orchestration.TaskName))]);
                    break;
                case DurableTriggerDefinition activity:
                    Define(type, function.Name, typeof(Task<JToken>), "RunActivityAsync",
                        [(typeof(string), "input", Attribute<ActivityTriggerAttribute>(nameof(ActivityTriggerAttribute.Activity), activity.TaskName)), (typeof(string), "instanceId", null)]);
                    break;
                case QueueTriggerDefinition queue:
                    var trigger = new CustomAttributeBuilder(
                        typeof(QueueTriggerAttribute).GetConstructor([typeof(string)])!, [queue.QueueName],
                        [typeof(QueueTriggerAttribute).GetProperty(nameof(QueueTriggerAttribute.Connection))!], [queue.ConnectionName]);
                    Define(type, function.Name, typeof(Task), "RunQueueAsync",
                        [(typeof(QueueMessage), "message", trigger), (typeof(CancellationToken), "cancellationToken", null)]);
                    break;
            }
        }

        var client = Define(type, DurableClientFunction, typeof(void), "ReceiveDurableClient",
            [(typeof(string), "client", new CustomAttributeBuilder(typeof(DurableClientAttribute).GetConstructor(Type.EmptyTypes)!, []))]);
        client.SetCustomAttribute(new CustomAttributeBuilder(typeof(NoAutomaticTriggerAttribute).GetConstructor(Type.EmptyTypes)!, []));
        return type.CreateType();
    }

    private static MethodBuilder Define(TypeBuilder type, string name, Type returnType, string target, (Type Type, string Name, CustomAttributeBuilder? Attribute)[] parameters)
    {
        var method = type.DefineMethod(
            "F_" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]),
            MethodAttributes.Public, returnType, [.. parameters.Select(p => p.Type)]);
        method.SetCustomAttribute(new CustomAttributeBuilder(typeof(FunctionNameAttribute).GetConstructor([typeof(string)])!, [name]));
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = method.DefineParameter(i + 1, ParameterAttributes.None, parameters[i].Name);
            if (parameters[i].Attribute is { } attribute)
            {
                parameter.SetCustomAttribute(attribute);
            }
        }

        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldstr, name);
        for (var i = 1; i <= parameters.Length; i++)
        {
            il.Emit(OpCodes.Ldarg, (short)i);
        }

        il.Emit(OpCodes.Call, typeof(WebJobsFunctionSet).GetMethod(target, Members)!);
        il.Emit(OpCodes.Ret);
        return method;
    }

    private static CustomAttributeBuilder Attribute<T>(string property, string value)
        where T : Attribute =>
        new(typeof(T).GetConstructor(Type.EmptyTypes)!, [], [typeof(T).GetProperty(property)!], [value]);
}
