fn main() {
    certbench_web::worker::serve();
}
