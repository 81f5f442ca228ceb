using System.Reflection;
using System.Reflection.Emit;

namespace CrmBridge.Tests.Architecture;

/// <summary>
/// The types one type uses: base type, interfaces, attributes, fields, properties, events, method and constructor
/// signatures, locals, and every type, field or method token in the IL of its bodies. Nested types are scanned as part
/// of the type, so what a lambda or an async state machine uses counts for the method that wrote it.
/// </summary>
internal static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly OpCode[] OneByte = new OpCode[0x100];
    private static readonly OpCode[] TwoByte = new OpCode[0x100];

#pragma warning disable CA1810 // The opcode tables are filled from OpCodes by reflection; a static constructor is the plain way.
    static TypeReferences()
#pragma warning restore CA1810
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode code)
            {
                continue;
            }

            var value = (ushort)code.Value;
            if (code.Size == 1)
            {
                OneByte[value] = code;
            }
            else
            {
                TwoByte[value & 0xFF] = code;
            }
        }
    }

    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Scan(type, found);
        return found;
    }

    private static void Scan(Type type, HashSet<Type> found)
    {
        Add(type.BaseType, found);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract, found);
        }

        AddAttributes(type.CustomAttributes, found);
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, found);
            AddAttributes(field.CustomAttributes, found);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType, found);
            AddAttributes(property.CustomAttributes, found);
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            Add(@event.EventHandlerType, found);
        }

        foreach (var method in type.GetMethods(Declared))
        {
            Add(method.ReturnType, found);
            ScanMethod(method, found);
        }

        foreach (var constructor in type.GetConstructors(Declared))
        {
            ScanMethod(constructor, found);
        }

        foreach (var nested in type.GetNestedTypes(Declared))
        {
            Scan(nested, found);
        }
    }

    private static void ScanMethod(MethodBase method, HashSet<Type> found)
    {
        AddAttributes(method.CustomAttributes, found);
        foreach (var parameter in method.GetParameters())
        {
            Add(parameter.ParameterType, found);
        }

        if (method.IsGenericMethodDefinition)
        {
            foreach (var argument in method.GetGenericArguments())
            {
                foreach (var constraint in argument.GetGenericParameterConstraints())
                {
                    Add(constraint, found);
                }
            }
        }

        if (method.GetMethodBody() is not { } body)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            Add(local.LocalType, found);
        }

        if (body.GetILAsByteArray() is { } il)
        {
            ScanIl(method, il, found);
        }
    }

    private static void ScanIl(MethodBase method, byte[] il, HashSet<Type> found)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xFE ? TwoByte[il[++position]] : OneByte[il[position]];
            position++;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    AddMember(method.Module, BitConverter.ToInt32(il, position), typeArguments, methodArguments, found);
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static void AddMember(Module module, int token, Type[]? typeArguments, Type[]? methodArguments, HashSet<Type> found)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            // A token this context cannot resolve (e.g. a signature token); nothing of the worker hides there.
            return;
        }

        switch (member)
        {
            case Type type:
                Add(type, found);
                break;
            case FieldInfo field:
                Add(field.DeclaringType, found);
                Add(field.FieldType, found);
                break;
            case MethodBase called:
                Add(called.DeclaringType, found);
                if (called.IsGenericMethod)
                {
                    foreach (var argument in called.GetGenericArguments())
                    {
                        Add(argument, found);
                    }
                }

                if (called is MethodInfo info)
                {
                    Add(info.ReturnType, found);
                }

                break;
        }
    }

    private static void AddAttributes(IEnumerable<CustomAttributeData> attributes, HashSet<Type> found)
    {
        foreach (var attribute in attributes)
        {
            Add(attribute.AttributeType, found);
            foreach (var argument in attribute.ConstructorArguments)
            {
                Add(argument.ArgumentType, found);
                if (argument.Value is Type named)
                {
                    Add(named, found);
                }
            }
        }
    }

    /// <summary>Adds the type and what it is built from: element types and generic arguments.</summary>
    private static void Add(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter || !found.Add(type))
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(type.GetElementType(), found);
        }

        if (type.IsGenericType)
        {
            Add(type.GetGenericTypeDefinition(), found);
            foreach (var argument in type.GetGenericArguments())
            {
                Add(argument, found);
            }
        }
    }
}
