using System.Reflection;
using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>Binds the decoded text of a queue message to the trigger parameter.</summary>
internal static class QueuePayload
{
    public static Func<InvocationData, object?> CreateBinder(string function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(string))
        {
            return d => d.QueueMessage!.MessageText;
        }

        if (type == typeof(BinaryData))
        {
            return d => BinaryData.FromString(d.QueueMessage!.MessageText);
        }

        if (type == typeof(QueueMessage))
        {
            return d => d.QueueMessage;
        }

        if (type.IsPointer || type.IsByRef || type == typeof(object) || type.IsAbstract && !type.IsInterface)
        {
            throw new FunctionIndexingException(
                $"Function '{function}', parameter '{parameter.Name}': [QueueTrigger] cannot bind a message to {type.Name}; use string, BinaryData, QueueMessage or a concrete JSON type.");
        }

        return d => Deserialize(d.QueueMessage!.MessageText, type);
    }

    private static object Deserialize(string text, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(text, type, ParameterBinders.Json)
                ?? throw new ParameterBindingException($"The message is JSON null, not a {type.Name}.");
        }
        catch (JsonException ex)
        {
            throw new ParameterBindingException($"The message is not a valid {type.Name}: {ex.Message}", ex);
        }
    }
}
