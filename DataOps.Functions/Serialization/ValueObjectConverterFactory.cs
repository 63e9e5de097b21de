using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using DataOps.Domain.Common;

namespace DataOps.Functions.Serialization;

/// <summary>
/// Writes the domain's string value objects (<c>DatasetId</c>, <c>ClientName</c>, <c>ConnectorName</c>, ...) as plain
/// strings and reads them back through their validating <c>Create(string)</c> factory, so invalid values never get in.
/// </summary>
internal sealed class ValueObjectConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert)
        => typeToConvert.IsValueType
            && typeToConvert.Namespace?.StartsWith("DataOps.Domain", StringComparison.Ordinal) == true
            && FindFactory(typeToConvert) is not null
            && typeToConvert.GetProperty("Value", BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(string);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(ValueObjectConverter<>).MakeGenericType(typeToConvert))!;

    private static MethodInfo? FindFactory(Type type)
        => type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [typeof(string)]) is { } m && m.ReturnType == type ? m : null;

    private sealed class ValueObjectConverter<T> : JsonConverter<T>
        where T : struct
    {
        private static readonly Func<string?, T> Factory = FindFactory(typeof(T))!.CreateDelegate<Func<string?, T>>();
        private static readonly Func<T, string> Getter = CompileGetter();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("expected a string");
            }

            try
            {
                return Factory(reader.GetString());
            }
            catch (DomainValidationException ex)
            {
                throw new JsonException(ex.Message, ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Getter(value));

        // An open delegate cannot bind a struct's instance getter directly; a compiled lambda can.
        private static Func<T, string> CompileGetter()
        {
            var instance = Expression.Parameter(typeof(T), "value");
            return Expression.Lambda<Func<T, string>>(Expression.Property(instance, "Value"), instance).Compile();
        }
    }
}
