//! What Kerze works out about a ranking: how safe it is, how it moves under
//! other weights, where each option sits in the value/effort matrix.

pub mod acceptability;
pub mod browse;
pub mod budget;
pub mod knapsack;
pub mod lens;
pub mod matrix;
pub mod sensitivity;
pub mod uncertainty;
