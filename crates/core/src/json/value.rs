//! Any `Serialize` value as a [`Value`] tree: reports compared field by field under the names
//! their JSON has ([`crate::diff`]).

use super::Value;
use serde::ser::{self, Serialize};

/// Why a value did not become a tree (a map key that is not text).
#[derive(Debug)]
pub struct NotJson(String);

impl std::fmt::Display for NotJson {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotJson {}

impl ser::Error for NotJson {
    fn custom<T: std::fmt::Display>(msg: T) -> NotJson {
        NotJson(msg.to_string())
    }
}

/// `value` as the tree serde_json would make of it.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<Value, NotJson> {
    value.serialize(Tree)
}

struct Tree;

/// A sequence being built.
pub struct Items(Vec<Value>);

/// An object being built, with the key waiting for its value.
pub struct Members(Vec<(String, Value)>, Option<String>);

/// A variant holding a sequence or an object: `{variant: …}`, as serde_json writes it.
pub struct Variant<T>(&'static str, T);

/// The serializer's methods for numbers: each number as the text it prints as.
macro_rules! numbers {
    ($($method:ident: $type:ty),* $(,)?) => {
        $(fn $method(self, v: $type) -> Result<Value, NotJson> {
            Ok(Value::Number(v.to_string()))
        })*
    };
}

impl ser::Serializer for Tree {
    type Ok = Value;
    type Error = NotJson;
    type SerializeSeq = Items;
    type SerializeTuple = Items;
    type SerializeTupleStruct = Items;
    type SerializeTupleVariant = Variant<Items>;
    type SerializeMap = Members;
    type SerializeStruct = Members;
    type SerializeStructVariant = Variant<Members>;

    fn serialize_bool(self, v: bool) -> Result<Value, NotJson> {
        Ok(Value::Bool(v))
    }
    numbers! {
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_f32: f32,
        serialize_f64: f64,
    }
    fn serialize_char(self, v: char) -> Result<Value, NotJson> {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, NotJson> {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, NotJson> {
        Ok(Value::Array(
            v.iter().map(|b| Value::Number(b.to_string())).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Value, NotJson> {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Value, NotJson> {
        value.serialize(Tree)
    }
    fn serialize_unit(self) -> Result<Value, NotJson> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Value, NotJson> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Value, NotJson> {
        Ok(Value::String(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Value, NotJson> {
        value.serialize(Tree)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Value, NotJson> {
        Ok(Value::Object(vec![(
            variant.to_string(),
            value.serialize(Tree)?,
        )]))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items, NotJson> {
        Ok(Items(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<Items, NotJson> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Items, NotJson> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Items>, NotJson> {
        Ok(Variant(variant, Items(Vec::with_capacity(len))))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Members, NotJson> {
        Ok(Members(Vec::new(), None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Members, NotJson> {
        Ok(Members(Vec::new(), None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<Members>, NotJson> {
        Ok(Variant(variant, Members(Vec::new(), None)))
    }
}

impl ser::SerializeSeq for Items {
    type Ok = Value;
    type Error = NotJson;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotJson> {
        self.0.push(value.serialize(Tree)?);
        Ok(())
    }
    fn end(self) -> Result<Value, NotJson> {
        Ok(Value::Array(self.0))
    }
}

/// A tuple and a tuple struct are JSON arrays, written as a sequence is.
macro_rules! items_as_sequence {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for Items {
            type Ok = Value;
            type Error = NotJson;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotJson> {
                ser::SerializeSeq::serialize_element(self, value)
            }
            fn end(self) -> Result<Value, NotJson> {
                ser::SerializeSeq::end(self)
            }
        }
    };
}
items_as_sequence!(SerializeTuple, serialize_element);
items_as_sequence!(SerializeTupleStruct, serialize_field);

impl ser::SerializeTupleVariant for Variant<Items> {
    type Ok = Value;
    type Error = NotJson;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotJson> {
        ser::SerializeSeq::serialize_element(&mut self.1, value)
    }
    fn end(self) -> Result<Value, NotJson> {
        Ok(Value::Object(vec![(
            self.0.to_string(),
            ser::SerializeSeq::end(self.1)?,
        )]))
    }
}

impl ser::SerializeMap for Members {
    type Ok = Value;
    type Error = NotJson;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), NotJson> {
        match key.serialize(Tree)? {
            Value::String(key) => self.1 = Some(key),
            Value::Number(key) => self.1 = Some(key),
            _ => return Err(NotJson("a map key that is not text".into())),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), NotJson> {
        let key = self
            .1
            .take()
            .ok_or_else(|| NotJson("a map value without its key".into()))?;
        self.0.push((key, value.serialize(Tree)?));
        Ok(())
    }
    fn end(self) -> Result<Value, NotJson> {
        Ok(Value::Object(self.0))
    }
}

impl ser::SerializeStruct for Members {
    type Ok = Value;
    type Error = NotJson;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotJson> {
        self.0.push((key.to_string(), value.serialize(Tree)?));
        Ok(())
    }
    fn end(self) -> Result<Value, NotJson> {
        Ok(Value::Object(self.0))
    }
}

impl ser::SerializeStructVariant for Variant<Members> {
    type Ok = Value;
    type Error = NotJson;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotJson> {
        ser::SerializeStruct::serialize_field(&mut self.1, key, value)
    }
    fn end(self) -> Result<Value, NotJson> {
        Ok(Value::Object(vec![(
            self.0.to_string(),
            ser::SerializeStruct::end(self.1)?,
        )]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decoded_block_becomes_the_tree_of_its_json() {
        let pem = include_str!("../../../../tests/fixtures/leaf.pem");
        let blocks =
            crate::inspect::decode(pem.as_bytes(), crate::UnixTime(1_893_456_000)).unwrap();
        let block = blocks[0].as_ref().unwrap();
        let tree = to_value(block).unwrap();
        // The same text serde_json writes (numbers and strings alike).
        let written = serde_json::to_value(block).unwrap();
        assert_eq!(
            tree.get("kind").and_then(Value::as_str),
            written["kind"].as_str()
        );
        assert_eq!(
            tree.get("serial").and_then(Value::as_str),
            written["serial"].as_str()
        );
        let Some(Value::Object(members)) = Some(&tree) else {
            panic!()
        };
        let names: Vec<&str> = members.iter().map(|(n, _)| n.as_str()).collect();
        let theirs: Vec<&str> = written
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        let mut theirs_sorted = theirs.clone();
        theirs_sorted.sort();
        assert_eq!(sorted, theirs_sorted);
    }
}
